namespace ChangeBot.Domain.Changes;

/// <summary>
/// A change request was filed or edited with content that fails validation. Callers normally validate first and
/// show <see cref="Errors"/> inline; this is the aggregate guarding itself.
/// </summary>
public sealed class ContentRejectedException : DomainException
{
    public ContentRejectedException(IReadOnlyList<FieldError> errors)
        : base(Summarise(errors))
    {
        Errors = errors;
    }

    public ContentRejectedException()
        : this([])
    {
    }

    public ContentRejectedException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ContentRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<FieldError> Errors { get; } = [];

    private static string Summarise(IReadOnlyList<FieldError> errors) => errors.Count switch
    {
        0 => "The change request is not valid.",
        1 => errors[0].Message,
        _ => $"The change request has {errors.Count} problems: " + string.Join(" ", errors.Select(error => error.Message)),
    };
}
