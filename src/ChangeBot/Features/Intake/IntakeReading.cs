using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Intake;

/// <summary>
/// A filed body read into content: <see cref="Errors"/> lists every field to fix (what could not be read and what
/// the domain's validation refused, one entry per problem); <see cref="Warnings"/> what the requester should know.
/// </summary>
public sealed record IntakeReading(ChangeRequestContent Content, IReadOnlyList<FieldError> Errors, IReadOnlyList<FieldError> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
