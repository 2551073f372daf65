using ChangeBot.Data.Changes;
using ChangeBot.Data.Sql;
using ChangeBot.Domain.Changes;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChangeBot.Data;

/// <summary>
/// The one way to write: <see cref="ChangeAsync{T}"/> for a use case acting on an existing change request (load,
/// act, save with an optimistic check, re-run on a conflict), <see cref="WriteAsync{T}"/> for anything else. Both
/// hand the use case a <see cref="UnitOfWork"/> whose audit entries and outbox messages commit with its change.
/// </summary>
public sealed class ChangeBotStore
{
    private readonly ISqlDialect _dialect;
    private readonly TimeProvider _clock;
    private readonly int _conflictRetries;
    private long _writes;
    private long _writing;

    public ChangeBotStore(ISqlDialect dialect, TimeProvider clock, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dialect = dialect;
        _clock = clock;
        _conflictRetries = options.Value.ConflictRetries;
    }

    public ISqlDialect Dialect => _dialect;

    /// <summary>
    /// Goes up as every write of this store begins and again once it has committed (or failed). A cache built from the
    /// store keeps what it read only when no write was under way (<see cref="IsWriting"/>) and the number did not move,
    /// and is stale as soon as it moves: no write can slip between the database and the cache.
    /// </summary>
    public long WriteGeneration => Interlocked.Read(ref _writes);

    /// <summary>A write of this store is under way (begun, not yet committed or failed).</summary>
    public bool IsWriting => Interlocked.Read(ref _writing) > 0;

    /// <summary>
    /// The next <c>CR-YYYY-NNNN</c> of <paramref name="year"/>, committed on its own before the change is written, so
    /// no number is ever handed out twice (a use case that then fails leaves a gap, never a duplicate).
    /// </summary>
    public async Task<ChangeId> NextChangeIdAsync(int year, CancellationToken cancellationToken)
    {
        await using var session = await _dialect.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (session.Connection, session.Transaction);
        var number = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO change_sequences (year, last_number) VALUES (@Year, 1)
            ON CONFLICT (year) DO UPDATE SET last_number = change_sequences.last_number + 1
            RETURNING last_number
            """,
            new { Year = year },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return ChangeId.Create(year, checked((int)number));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction and commits it with its audit entries and outbox messages. The
    /// work uses the unit of work only: calling the store again from inside it would wait for its own turn (take a new
    /// change id before, not inside).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<UnitOfWork, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        Interlocked.Increment(ref _writing);
        Interlocked.Increment(ref _writes);
        try
        {
            await using var session = await _dialect.BeginWriteAsync(cancellationToken);
            var (connection, transaction) = (session.Connection, session.Transaction);
            var unit = new UnitOfWork(connection, transaction, _dialect, _clock.GetUtcNow());
            var result = await work(unit, cancellationToken);
            await unit.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            Interlocked.Increment(ref _writes);
            Interlocked.Decrement(ref _writing);
        }
    }

    /// <summary>
    /// Loads <paramref name="id"/>, lets <paramref name="act"/> call the domain on it (and audit and enqueue), then
    /// saves it only if nobody saved it in between; otherwise runs everything again on the fresh state. A change the
    /// act leaves as it was (a double click already recorded) is not rewritten. A <see cref="Domain.DomainException"/>
    /// from the act rolls everything back and reaches the caller unchanged.
    /// </summary>
    public async Task<T> ChangeAsync<T>(ChangeId id, Func<ChangeRequest, UnitOfWork, T> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(act);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(
                    async (unit, token) =>
                    {
                        var stored = await unit.Changes.GetAsync(id, token) ?? throw new ChangeRequestNotFoundException(id);
                        var before = SnapshotJson.Serialize(stored.Change.ToSnapshot());
                        var result = act(stored.Change, unit);
                        if (!string.Equals(before, SnapshotJson.Serialize(stored.Change.ToSnapshot()), StringComparison.Ordinal))
                        {
                            await unit.Changes.UpdateAsync(stored.Change, stored.Version, token);
                        }

                        return result;
                    },
                    cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < _conflictRetries)
            {
                // Someone saved first: their change is in, ours is re-decided on top of it.
            }
        }
    }

    /// <summary>Loads one change request outside any unit of work (for showing it).</summary>
    public async Task<StoredChangeRequest?> GetAsync(ChangeId id, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SnapshotRow>(new CommandDefinition(
            "SELECT snapshot, version FROM change_requests WHERE id = @Id",
            new { Id = id.ToString() },
            cancellationToken: cancellationToken));
        return row?.ToStored();
    }
}
