using System.Data.Common;
using Dapper;

namespace ChangeBot.Data.Operations;

/// <summary>Incidents, run-time locks and freezes, overrides and handoff notes, written inside a <see cref="UnitOfWork"/>.</summary>
public sealed class OperationsRepository
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    internal OperationsRepository(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public Task SaveIncidentAsync(IncidentRecord incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return ExecuteAsync(
            """
            INSERT INTO incidents (id, severity, status, title, started_at, resolved_at, source)
            VALUES (@Id, @Severity, @Status, @Title, @StartedAt, @ResolvedAt, @Source)
            ON CONFLICT (id) DO UPDATE SET severity = excluded.severity, status = excluded.status, title = excluded.title,
                resolved_at = excluded.resolved_at
            """,
            new
            {
                incident.Id, incident.Severity, incident.Status, incident.Title, StartedAt = incident.StartedAt.ToUnixTimeMilliseconds(),
                ResolvedAt = incident.ResolvedAt?.ToUnixTimeMilliseconds(), incident.Source,
            },
            cancellationToken);
    }

    public Task SaveLockAsync(ChangeLockRecord changeLock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeLock);
        return ExecuteAsync(
            """
            INSERT INTO change_locks (id, name, kind, lock_type, starts_at, ends_at, recurrence, time_zone, scope, exceptions,
                exception_approver, definition, created_by, created_at, ended_at)
            VALUES (@Id, @Name, @Kind, @LockType, @StartsAt, @EndsAt, @Recurrence, @TimeZone, @Scope, @ExceptionsJson,
                @ExceptionApprover, @DefinitionJson, @CreatedBy, @CreatedAt, @EndedAt)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, starts_at = excluded.starts_at,
                ends_at = excluded.ends_at, recurrence = excluded.recurrence, time_zone = excluded.time_zone,
                scope = excluded.scope, exceptions = excluded.exceptions, exception_approver = excluded.exception_approver,
                definition = excluded.definition, ended_at = excluded.ended_at
            """,
            new
            {
                changeLock.Id, changeLock.Name, changeLock.Kind, changeLock.LockType,
                StartsAt = changeLock.StartsAt.ToUnixTimeMilliseconds(), EndsAt = changeLock.EndsAt?.ToUnixTimeMilliseconds(),
                changeLock.Recurrence, changeLock.TimeZone, changeLock.Scope, changeLock.ExceptionsJson, changeLock.ExceptionApprover,
                changeLock.DefinitionJson, changeLock.CreatedBy, CreatedAt = changeLock.CreatedAt.ToUnixTimeMilliseconds(),
                EndedAt = changeLock.EndedAt?.ToUnixTimeMilliseconds(),
            },
            cancellationToken);
    }

    public Task<long> AddOverrideAsync(OverrideRecord granted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(granted);
        return _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO overrides (change_id, kind, reason, granted_by, granted_at, details)
            VALUES (@ChangeId, @Kind, @Reason, @GrantedBy, @GrantedAt, @DetailsJson)
            RETURNING id
            """,
            new { granted.ChangeId, granted.Kind, granted.Reason, granted.GrantedBy, GrantedAt = granted.GrantedAt.ToUnixTimeMilliseconds(), granted.DetailsJson },
            _transaction,
            cancellationToken: cancellationToken));
    }

    public Task<long> AddHandoffNoteAsync(HandoffNoteRecord note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        return _connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO handoff_notes (change_id, author, body, created_at) VALUES (@ChangeId, @Author, @Body, @CreatedAt)
            RETURNING id
            """,
            new { note.ChangeId, note.Author, note.Body, CreatedAt = note.CreatedAt.ToUnixTimeMilliseconds() },
            _transaction,
            cancellationToken: cancellationToken));
    }

    private Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(new CommandDefinition(sql, parameters, _transaction, cancellationToken: cancellationToken));
}
