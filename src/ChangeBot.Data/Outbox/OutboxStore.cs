using ChangeBot.Data.Sql;
using Dapper;

namespace ChangeBot.Data.Outbox;

/// <summary>
/// The delivery side of the outbox. Entries are written by a <see cref="UnitOfWork"/>; the worker asks for the
/// head of each channel's queue, claims it for a while (so two replicas never deliver the same entry at once), and
/// records what happened.
/// </summary>
public sealed class OutboxStore(ISqlDialect dialect)
{
    private const string Columns = """
        o.id, o.channel, o.method, o.payload, o.message_key, o.thread_key, o.state, o.attempts, o.next_attempt_at,
        o.last_error, o.ts, o.created_at, o.sent_at
        """;

    /// <summary>
    /// The oldest pending entry of each channel, if due and not claimed: an entry never overtakes an earlier one of its
    /// channel, however long that one keeps failing.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxEntry>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM outbox o
            WHERE o.state = 'pending'
              AND o.id = (SELECT MIN(p.id) FROM outbox p WHERE p.channel = o.channel AND p.state = 'pending')
              AND o.next_attempt_at <= @Now
              AND (o.claimed_until IS NULL OR o.claimed_until <= @Now)
            ORDER BY o.id
            LIMIT @Limit
            """,
            new { Now = now.ToUnixTimeMilliseconds(), Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Takes the entry until <paramref name="until"/>; false if another worker holds it or it is no longer pending.</summary>
    public async Task<bool> TryClaimAsync(long id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            """
            UPDATE outbox SET claimed_until = @Until
            WHERE id = @Id AND state = 'pending' AND (claimed_until IS NULL OR claimed_until <= @Now)
            """,
            new { Id = id, Now = now.ToUnixTimeMilliseconds(), Until = until.ToUnixTimeMilliseconds() },
            cancellationToken) == 1;

    public async Task<SlackMessageRecord?> FindMessageAsync(string messageKey, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SlackMessageRecord>(new CommandDefinition(
            "SELECT message_key AS MessageKey, channel AS Channel, ts AS Ts FROM slack_messages WHERE message_key = @Key",
            new { Key = messageKey },
            cancellationToken: cancellationToken));
    }

    /// <summary>Whether a post that will create <paramref name="messageKey"/> is still waiting to be delivered.</summary>
    public async Task<bool> IsPostPendingAsync(string messageKey, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND method = 'chat.postMessage' AND message_key = @Key",
            new { Key = messageKey },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Delivered: keeps the ts, and for a post with a message key remembers where that message lives.</summary>
    public async Task MarkSentAsync(OutboxEntry entry, string? ts, SlackMessageRecord? posted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var session = await dialect.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (session.Connection, session.Transaction);
        var at = now.ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outbox SET state = 'sent', ts = @Ts, sent_at = @At, attempts = attempts + 1, claimed_until = NULL, last_error = NULL
            WHERE id = @Id
            """,
            new { entry.Id, Ts = ts, At = at },
            transaction,
            cancellationToken: cancellationToken));
        if (posted is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO slack_messages (message_key, channel, ts, posted_at) VALUES (@MessageKey, @Channel, @Ts, @At)
                ON CONFLICT (message_key) DO UPDATE SET channel = excluded.channel, ts = excluded.ts
                """,
                new { posted.MessageKey, posted.Channel, posted.Ts, At = at },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Failed for now: try again at <paramref name="nextAttemptAt"/>.</summary>
    public Task RetryLaterAsync(long id, long attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE outbox SET attempts = @Attempts, next_attempt_at = @Next, last_error = @Error, claimed_until = NULL
            WHERE id = @Id
            """,
            new { Id = id, Attempts = attempts, Next = nextAttemptAt.ToUnixTimeMilliseconds(), Error = error },
            cancellationToken);

    /// <summary>Given up on: kept as dead so it stays visible, and no longer holds up its channel.</summary>
    public Task MarkDeadAsync(long id, long attempts, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE outbox SET state = 'dead', attempts = @Attempts, last_error = @Error, claimed_until = NULL WHERE id = @Id",
            new { Id = id, Attempts = attempts, Error = error },
            cancellationToken);

    /// <summary>How many entries are pending, sent and dead.</summary>
    public async Task<IReadOnlyDictionary<OutboxState, long>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM outbox GROUP BY state",
            cancellationToken: cancellationToken));
        var counts = Enum.GetValues<OutboxState>().ToDictionary(state => state, _ => 0L);
        foreach (var (state, count) in rows)
        {
            counts[Enum.Parse<OutboxState>(state, ignoreCase: true)] = count;
        }

        return counts;
    }

    /// <summary>Every entry in <paramref name="state"/>, oldest first (dead letters for an operator to look at).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxState state, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxEntry>(new CommandDefinition(
            $"SELECT {Columns} FROM outbox o WHERE o.state = @State ORDER BY o.id",
            new { State = state.ToString().ToLowerInvariant() },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
