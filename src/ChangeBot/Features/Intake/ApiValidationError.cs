using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Intake;

/// <summary>A 400 for a change request body: a summary and each invalid field with what to do about it.</summary>
public sealed record ApiValidationError(string Error, IReadOnlyList<FieldError> Fields);
