using System.Data.Common;
using Dapper;

namespace ChangeBot.Data.Deliveries;

/// <summary>The statements behind a claim, shared by <see cref="DeliveryClaims"/> and <see cref="UnitOfWork"/>.</summary>
internal static class DeliveryClaimSql
{
    /// <summary>
    /// True when this transaction now holds the claim: the key was new, or its earlier claim had expired and was not
    /// swept yet. On PostgreSQL a concurrent insert of the same key waits for the first transaction and then sees the
    /// conflict (or takes the key if that one rolled back), so exactly one of them wins.
    /// </summary>
    public static async Task<bool> TryInsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        string kind,
        string key,
        DateTimeOffset now,
        TimeSpan keep,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO delivery_claims (kind, claim_key, claimed_at, expires_at) VALUES (@Kind, @Key, @Now, @Expires)
            ON CONFLICT (kind, claim_key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
            WHERE delivery_claims.expires_at <= excluded.claimed_at
            """,
            new { Kind = kind, Key = key, Now = now.ToUnixTimeMilliseconds(), Expires = (now + keep).ToUnixTimeMilliseconds() },
            transaction,
            cancellationToken: cancellationToken));
        return claimed == 1;
    }

    /// <summary>Deletes the claims that expired before <paramref name="now"/>; returns how many.</summary>
    public static Task<int> SweepAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM delivery_claims WHERE expires_at <= @Now",
            new { Now = now.ToUnixTimeMilliseconds() },
            transaction,
            cancellationToken: cancellationToken));
}
