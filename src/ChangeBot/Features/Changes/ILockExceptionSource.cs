using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Port: the lock exceptions approved for a change request (the locks slice records them and implements this; until
/// then there are none). Expired ones and those of an earlier revision may be returned: admission ignores them.
/// </summary>
public interface ILockExceptionSource
{
    ValueTask<IReadOnlyList<LockExceptionGrant>> ForChangeAsync(ChangeId id, CancellationToken cancellationToken);
}
