using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Intake;

/// <summary>What filing came to: the new CR, or the fields to fix, or a refusal in a sentence.</summary>
public sealed record FilingResult(ChangeRequest? Change, IReadOnlyList<FieldError> Errors, string? Refusal, IReadOnlyList<FieldError> Warnings)
{
    public bool Filed => Change is not null;
}
