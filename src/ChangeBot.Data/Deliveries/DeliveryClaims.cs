using ChangeBot.Data.Sql;

namespace ChangeBot.Data.Deliveries;

/// <summary>
/// "Act on this delivery once": the first caller to claim a (<c>kind</c>, <c>key</c>) pair gets true, every other
/// caller on any replica sharing the database gets false until the claim expires. Each claim commits on its own; a
/// use case that must claim and write together uses <see cref="UnitOfWork.TryClaimAsync"/> instead. Expired claims
/// are swept by the claims themselves, at most once a minute per process.
/// </summary>
public sealed class DeliveryClaims(ISqlDialect dialect, TimeProvider clock)
{
    public const string SlackEvent = "slack_event";
    public const string Alert = "alert";

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private long _nextSweepAt;

    /// <summary>Claims <paramref name="key"/> of <paramref name="kind"/> for <paramref name="keep"/>; false if someone holds it.</summary>
    public async Task<bool> TryClaimAsync(string kind, string key, TimeSpan keep, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var session = await dialect.BeginWriteAsync(cancellationToken);
        if (TakeSweep(now))
        {
            await DeliveryClaimSql.SweepAsync(session.Connection, session.Transaction, now, cancellationToken);
        }

        var claimed = await DeliveryClaimSql.TryInsertAsync(session.Connection, session.Transaction, kind, key, now, keep, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>Whether this call is the one that sweeps now (one per <see cref="SweepEvery"/>, whoever gets there first).</summary>
    private bool TakeSweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepAt);
        var at = now.ToUnixTimeMilliseconds();
        return at >= due && Interlocked.CompareExchange(ref _nextSweepAt, at + (long)SweepEvery.TotalMilliseconds, due) == due;
    }
}
