namespace ChangeBot.Features.Outbox;

/// <summary>An entry can't be delivered now (its thread parent is not posted yet) or ever (<see cref="Permanent"/>).</summary>
public sealed class OutboxNotReadyException : Exception
{
    public OutboxNotReadyException(string message, bool permanent)
        : base(message)
    {
        Permanent = permanent;
    }

    public OutboxNotReadyException()
    {
    }

    public OutboxNotReadyException(string message)
        : base(message)
    {
    }

    public OutboxNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Permanent { get; }
}
