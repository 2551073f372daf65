namespace ChangeBot.Domain;

/// <summary>
/// A rule of the domain said no. The message is a sentence a Slack user can read and act on.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DomainException()
    {
    }
}
