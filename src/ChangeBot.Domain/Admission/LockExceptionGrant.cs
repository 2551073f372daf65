using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Domain.Admission;

/// <summary>
/// An approved exception to one lock for one change request (seed 1's "exceptions … approver_for_exceptions"): who
/// approved it, under which of the lock's categories, for which revision of the change, and until when (the end of
/// the lock occurrence it was asked for, so next month's occurrence of a recurring lock needs its own).
/// </summary>
public sealed record LockExceptionGrant(
    ChangeId ChangeId,
    string LockId,
    ExceptionCategory Category,
    int Revision,
    string ApprovedBy,
    DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// Whether it lets <paramref name="change"/> through <paramref name="occurrence"/> of <paramref name="changeLock"/>:
    /// the same change and lock, a category the lock still lists, not expired at <paramref name="now"/>, and the
    /// occurrence the one it was approved for (it begins before the exception expires).
    /// </summary>
    public bool Lets(ChangeId? change, ChangeLock changeLock, TimeInterval occurrence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changeLock);
        return change == ChangeId
            && string.Equals(changeLock.Id, LockId, StringComparison.Ordinal)
            && changeLock.Exceptions.Contains(Category)
            && now < ExpiresAt
            && occurrence.Start < ExpiresAt;
    }
}
