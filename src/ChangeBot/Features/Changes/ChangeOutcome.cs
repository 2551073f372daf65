using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>
/// What acting on a change request came to: done (with the act's result), refused with a sentence the user reads
/// (nothing changed), or refused with field errors (edits whose content is invalid).
/// </summary>
public sealed record ChangeOutcome<T>
{
    private ChangeOutcome(T? value, string? refusal, IReadOnlyList<FieldError> fieldErrors)
    {
        Value = value;
        Refusal = refusal;
        FieldErrors = fieldErrors;
    }

    public T? Value { get; }

    /// <summary>Why nothing happened, for an ephemeral reply or an HTTP 400/409; null on success.</summary>
    public string? Refusal { get; }

    public IReadOnlyList<FieldError> FieldErrors { get; }

    public bool Succeeded => Refusal is null;

    internal static ChangeOutcome<T> Done(T value) => new(value, null, []);

    internal static ChangeOutcome<T> Refused(string refusal) => new(default, refusal, []);

    internal static ChangeOutcome<T> Invalid(string summary, IReadOnlyList<FieldError> errors) => new(default, summary, errors);
}
