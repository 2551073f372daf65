using System.Data.Common;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Deliveries;
using ChangeBot.Data.Operations;
using ChangeBot.Data.Outbox;
using ChangeBot.Data.Sql;
using Dapper;

namespace ChangeBot.Data;

/// <summary>
/// One transaction of one use case: what it saves (a change request, an incident, a lock, an override, a handoff
/// note), the audit entries that record it and the Slack messages it owes are committed together or not at all.
/// Get one from <see cref="ChangeBotStore.WriteAsync{T}"/> or <see cref="ChangeBotStore.ChangeAsync{T}"/>.
/// </summary>
public sealed class UnitOfWork
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly ISqlDialect _dialect;
    private readonly List<AuditEntry> _audit = [];
    private readonly List<OutboxMessage> _outbox = [];

    internal UnitOfWork(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, DateTimeOffset now)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
        Now = now;
        Changes = new ChangeRequestRepository(connection, transaction, now);
        Operations = new OperationsRepository(connection, transaction);
    }

    /// <summary>The moment this unit of work began, from the store's clock: use it as the use case's <c>now</c>.</summary>
    public DateTimeOffset Now { get; }

    public ChangeRequestRepository Changes { get; }

    /// <summary>Incidents, run-time locks and freezes, overrides and handoff notes.</summary>
    public OperationsRepository Operations { get; }

    /// <summary>
    /// Claims a delivery (<see cref="DeliveryClaims"/>) in this transaction, so the claim and what the use case writes
    /// commit together: false means another unit holds it (on PostgreSQL this waits for that unit to finish), and the
    /// caller should write nothing. Rolling back releases the claim.
    /// </summary>
    public Task<bool> TryClaimAsync(string kind, string key, TimeSpan keep, CancellationToken cancellationToken) =>
        DeliveryClaimSql.TryInsertAsync(_connection, _transaction, kind, key, Now, keep, cancellationToken);

    /// <summary>Records an action; written at commit, after everything else, so the chain follows commit order.</summary>
    public void Audit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _audit.Add(entry);
    }

    /// <summary>Owes a Slack call; delivered by the outbox worker once this unit of work commits.</summary>
    public void Enqueue(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Method);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.PayloadJson);
        _outbox.Add(message);
    }

    /// <summary>
    /// Owes <paramref name="messages"/> once for <paramref name="key"/> (e.g. a job's trigger and scheduled time): each
    /// is enqueued under the message key <c>key#n</c>, and nothing is enqueued when the first of them is in the outbox
    /// already, delivered or not. A job that runs again for the same firing (recovered after a crash between this
    /// commit and the scheduler recording the firing) so posts nothing twice, and one that never committed still
    /// posts. False when they were owed already.
    /// </summary>
    public async Task<bool> EnqueueOnceAsync(string key, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return true;
        }

        if (messages.Any(message => message.MessageKey is not null))
        {
            throw new ArgumentException("Messages owed once are keyed by their firing; they may not carry a message key of their own.", nameof(messages));
        }

        // The writer's turn first (PostgreSQL), so two replicas running the same firing see each other's commit.
        var turns = _dialect.TakeTurnsSql(WriterLane.AuditChain);
        if (turns.Length > 0)
        {
            await _connection.ExecuteAsync(new CommandDefinition(turns, transaction: _transaction, cancellationToken: cancellationToken));
        }

        var owed = await _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM outbox WHERE message_key = @Key",
            new { Key = OnceKey(key, 0) },
            _transaction,
            cancellationToken: cancellationToken));
        if (owed > 0)
        {
            return false;
        }

        for (var index = 0; index < messages.Count; index++)
        {
            Enqueue(messages[index] with { MessageKey = OnceKey(key, index) });
        }

        return true;
    }

    private static string OnceKey(string key, int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key}#{index}");

    internal async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_audit.Count > 0 || _outbox.Count > 0)
        {
            // Taken last, so a writer holding it waits for no other lock; held to the commit, so outbox ids and audit
            // sequence numbers follow commit order on PostgreSQL too.
            var turns = _dialect.TakeTurnsSql(WriterLane.AuditChain);
            if (turns.Length > 0)
            {
                await _connection.ExecuteAsync(new CommandDefinition(turns, transaction: _transaction, cancellationToken: cancellationToken));
            }

            await WriteOutboxAsync(cancellationToken);
            await WriteAuditAsync(cancellationToken);
        }

        await _transaction.CommitAsync(cancellationToken);
    }

    private async Task WriteOutboxAsync(CancellationToken cancellationToken)
    {
        var at = Now.ToUnixTimeMilliseconds();
        await _connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox (channel, method, payload, message_key, thread_key, state, attempts, next_attempt_at, created_at)
            VALUES (@Channel, @Method, @PayloadJson, @MessageKey, @ThreadKey, 'pending', 0, @At, @At)
            """,
            _outbox.Select(message => new { message.Channel, message.Method, message.PayloadJson, message.MessageKey, message.ThreadKey, At = at }),
            _transaction,
            cancellationToken: cancellationToken));
    }

    private async Task WriteAuditAsync(CancellationToken cancellationToken)
    {
        var last = await _connection.QuerySingleOrDefaultAsync<AuditTail>(new CommandDefinition(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            transaction: _transaction,
            cancellationToken: cancellationToken));
        var seq = last?.Seq ?? 0L;
        var previous = last?.Hash ?? AuditChain.Genesis;
        var at = Now.ToUnixTimeMilliseconds();
        foreach (var entry in _audit)
        {
            seq++;
            var source = entry.Source.ToString().ToLowerInvariant();
            var changeId = entry.ChangeId?.ToString();
            var hash = AuditChain.HashOf(seq, at, entry.Actor, source, entry.Action, changeId, entry.DetailsJson, previous);
            await _connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO audit_log (seq, at, actor, source, action, change_id, details, previous_hash, hash)
                VALUES (@Seq, @At, @Actor, @Source, @Action, @ChangeId, @Details, @PreviousHash, @Hash)
                """,
                new { Seq = seq, At = at, entry.Actor, Source = source, entry.Action, ChangeId = changeId, Details = entry.DetailsJson, PreviousHash = previous, Hash = hash },
                _transaction,
                cancellationToken: cancellationToken));
            previous = hash;
        }
    }

    private sealed class AuditTail
    {
        public long Seq { get; set; }

        public string Hash { get; set; } = string.Empty;
    }
}
