using System.Text.Json;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Locks;

/// <summary>The lock exceptions approved for a change, read back from its override records for admission.</summary>
internal sealed class StoredLockExceptions(OperationsQueries queries) : ILockExceptionSource
{
    public async ValueTask<IReadOnlyList<LockExceptionGrant>> ForChangeAsync(ChangeId id, CancellationToken cancellationToken)
    {
        var records = await queries.OverridesForAsync(id, cancellationToken).ConfigureAwait(false);
        return [.. records.Where(record => record.Kind == LockExceptions.OverrideKind).Select(record => ToException(id, record)).OfType<LockExceptionGrant>()];
    }

    private static LockExceptionGrant? ToException(ChangeId id, OverrideRecord record)
    {
        try
        {
            var details = JsonSerializer.Deserialize<LockExceptionDetails>(record.DetailsJson, LockRecords.Json);
            return details is not null && ExceptionCategoryText.TryParse(details.Category, out var category)
                ? new LockExceptionGrant(id, details.LockId, category, details.Revision, record.GrantedBy, details.ExpiresAt)
                : null;
        }
        catch (JsonException)
        {
            // Recorded before exceptions carried a revision and an expiry: it lets nothing through, the safe reading.
            return null;
        }
    }
}
