namespace ChangeBot.Domain.Changes;

/// <summary>
/// The outcome of checking a <see cref="ChangeRequestContent"/>: errors stop the change from being filed or edited;
/// warnings are shown but do not (e.g. the planner also executing the change).
/// </summary>
public sealed record ContentValidation(IReadOnlyList<FieldError> Errors, IReadOnlyList<FieldError> Warnings)
{
    public bool IsValid => Errors.Count == 0;

    public IEnumerable<FieldError> ErrorsFor(string field) =>
        Errors.Where(error => string.Equals(error.Field, field, StringComparison.Ordinal));
}
