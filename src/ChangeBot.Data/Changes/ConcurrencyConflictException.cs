using ChangeBot.Domain;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Data.Changes;

/// <summary>
/// Someone else saved the change request between this writer's read and its write: the update named a version that is
/// no longer current. <see cref="ChangeBotStore.ChangeAsync{T}"/> retries on it; what escapes that is a real deadlock
/// of people, shown to them as a sentence.
/// </summary>
public sealed class ConcurrencyConflictException : DomainException
{
    public ConcurrencyConflictException(ChangeId id, long expectedVersion)
        : base($"{id} was changed by someone else at the same moment; open it again and retry.")
    {
        ChangeId = id;
        ExpectedVersion = expectedVersion;
    }

    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChangeId? ChangeId { get; }

    public long ExpectedVersion { get; }
}
