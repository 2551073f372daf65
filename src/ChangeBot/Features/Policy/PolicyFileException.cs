namespace ChangeBot.Features.Policy;

/// <summary>The policy file could not be used; <see cref="Exception.Message"/> holds one line per error.</summary>
public sealed class PolicyFileException : Exception
{
    public PolicyFileException(IReadOnlyList<PolicyError> errors)
        : base(string.Join(Environment.NewLine, (errors ?? []).Select(e => e.ToString())))
    {
        Errors = errors ?? [];
    }

    public PolicyFileException()
        : this([])
    {
    }

    public PolicyFileException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PolicyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<PolicyError> Errors { get; }
}
