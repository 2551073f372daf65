using System.Data.Common;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using Dapper;

namespace ChangeBot.Data.Changes;

/// <summary>
/// Reads and writes change requests inside a <see cref="UnitOfWork"/>. The snapshot JSON is the truth; the query
/// columns, services, roles awaited, revisions and approvals beside it are written from it in the same statement
/// batch so SQL can filter on them and an approval row points at the revision it approved.
/// </summary>
public sealed class ChangeRequestRepository
{
    /// <summary>States only a change that passed its approvals reaches (a rolled-back change was approved before it ran).</summary>
    private static readonly ChangeState[] ApprovedStates =
        [ChangeState.Approved, ChangeState.Scheduled, ChangeState.InProgress, ChangeState.Monitoring, ChangeState.Completed, ChangeState.RolledBack, ChangeState.Aborted];

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly DateTimeOffset _now;

    internal ChangeRequestRepository(DbConnection connection, DbTransaction transaction, DateTimeOffset now)
    {
        _connection = connection;
        _transaction = transaction;
        _now = now;
    }

    public async Task<StoredChangeRequest?> GetAsync(ChangeId id, CancellationToken cancellationToken)
    {
        var row = await _connection.QuerySingleOrDefaultAsync<SnapshotRow>(Command(
            "SELECT snapshot, version FROM change_requests WHERE id = @Id",
            new { Id = id.ToString() },
            cancellationToken));
        return row?.ToStored();
    }

    /// <summary>Stores a new change request at version 1.</summary>
    public async Task<long> InsertAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var row = Row(change, 1);
        await _connection.ExecuteAsync(Command(
            """
            INSERT INTO change_requests (id, year, number, title, state, type, criticality, requester, executor,
                planned_start, planned_end, revision, version, snapshot, created_at, updated_at)
            VALUES (@Id, @Year, @Number, @Title, @State, @Type, @Criticality, @Requester, @Executor,
                @PlannedStart, @PlannedEnd, @Revision, @Version, @Snapshot, @CreatedAt, @UpdatedAt)
            """,
            row,
            cancellationToken));
        await WriteDetailsAsync(change, cancellationToken);
        return 1;
    }

    /// <summary>
    /// Saves <paramref name="change"/> if it is still at <paramref name="expectedVersion"/>, and returns the new version;
    /// otherwise throws <see cref="ConcurrencyConflictException"/> and writes nothing.
    /// </summary>
    public async Task<long> UpdateAsync(ChangeRequest change, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var row = Row(change, expectedVersion + 1);
        var updated = await _connection.ExecuteAsync(Command(
            """
            UPDATE change_requests
            SET title = @Title, state = @State, type = @Type, criticality = @Criticality, executor = @Executor,
                planned_start = @PlannedStart, planned_end = @PlannedEnd, revision = @Revision, version = @Version,
                snapshot = @Snapshot, updated_at = @UpdatedAt
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            new
            {
                row.Id, row.Title, row.State, row.Type, row.Criticality, row.Executor, row.PlannedStart, row.PlannedEnd,
                row.Revision, row.Version, row.Snapshot, row.UpdatedAt, ExpectedVersion = expectedVersion,
            },
            cancellationToken));
        if (updated != 1)
        {
            throw new ConcurrencyConflictException(change.Id, expectedVersion);
        }

        await WriteDetailsAsync(change, cancellationToken);
        return expectedVersion + 1;
    }

    private async Task WriteDetailsAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        var id = change.Id.ToString();
        await _connection.ExecuteAsync(Command(
            """
            DELETE FROM change_services WHERE change_id = @Id;
            DELETE FROM change_awaiting_roles WHERE change_id = @Id;
            DELETE FROM change_approvals WHERE change_id = @Id;
            """,
            new { Id = id },
            cancellationToken));
        await _connection.ExecuteAsync(Command(
            "INSERT INTO change_services (change_id, service) VALUES (@Id, @Service)",
            change.Content.Services.Distinct(StringComparer.Ordinal).Select(service => new { Id = id, Service = service }),
            cancellationToken));
        await _connection.ExecuteAsync(Command(
            "INSERT INTO change_awaiting_roles (change_id, role) VALUES (@Id, @Role)",
            AwaitedRoles(change).Select(role => new { Id = id, Role = role.ToString() }),
            cancellationToken));

        // Revisions never change once written: only the new ones are added.
        var stored = await _connection.ExecuteScalarAsync<long?>(Command(
            "SELECT MAX(number) FROM change_revisions WHERE change_id = @Id",
            new { Id = id },
            cancellationToken)) ?? 0;
        await _connection.ExecuteAsync(Command(
            """
            INSERT INTO change_revisions (change_id, number, content, edited_by, edited_at)
            VALUES (@Id, @Number, @Content, @EditedBy, @EditedAt)
            """,
            change.Revisions.Where(revision => revision.Number > stored).Select(revision => new
            {
                Id = id,
                revision.Number,
                Content = SnapshotJson.Serialize(revision.Content),
                revision.EditedBy,
                EditedAt = revision.EditedAt.ToUnixTimeMilliseconds(),
            }),
            cancellationToken));
        await _connection.ExecuteAsync(Command(
            """
            INSERT INTO change_approvals (change_id, requirement_key, approver_id, role, revision, approved_at, voided_by_revision)
            VALUES (@Id, @RequirementKey, @ApproverId, @Role, @Revision, @ApprovedAt, @VoidedByRevision)
            """,
            change.Approvals.Select(approval => new
            {
                Id = id,
                approval.RequirementKey,
                approval.ApproverId,
                Role = approval.Role.ToString(),
                approval.Revision,
                ApprovedAt = approval.ApprovedAt.ToUnixTimeMilliseconds(),
                approval.VoidedByRevision,
            }),
            cancellationToken));
        await RecordApprovedTemplateAsync(change, cancellationToken);
    }

    /// <summary>The first time a change of a standard template is past approval, the template counts as approved for good.</summary>
    private async Task RecordApprovedTemplateAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        if (change.Content.Type != ChangeType.Standard
            || change.Content.StandardTemplate is not { Length: > 0 } template
            || !ApprovedStates.Contains(change.State))
        {
            return;
        }

        await _connection.ExecuteAsync(Command(
            """
            INSERT INTO approved_templates (template, change_id, approved_at)
            VALUES (@Template, @Id, @At)
            ON CONFLICT (template) DO NOTHING
            """,
            new { Template = template.Trim(), Id = change.Id.ToString(), At = _now.ToUnixTimeMilliseconds() },
            cancellationToken));
    }

    private static IEnumerable<ApproverRole> AwaitedRoles(ChangeRequest change) =>
        change.State is ChangeState.Submitted or ChangeState.Approved or ChangeState.Scheduled
            ? change.ApprovalsStillNeeded()
                .Where(outstanding => (outstanding.Requirement.Gate == ApprovalGate.Approval) == (change.State == ChangeState.Submitted))
                .Select(outstanding => outstanding.Requirement.Role)
                .Distinct()
            : [];

    private ChangeRow Row(ChangeRequest change, long version)
    {
        var content = change.Content;
        return new ChangeRow(
            change.Id.ToString(),
            change.Id.Year,
            change.Id.Number,
            change.Title,
            change.State.ToString(),
            change.Type.ToString(),
            change.Criticality.ToString(),
            change.Requester,
            change.Executor,
            content.PlannedStart.ToUnixTimeMilliseconds(),
            (content.PlannedStart + content.EstimatedDuration).ToUnixTimeMilliseconds(),
            change.Revision,
            version,
            SnapshotJson.Serialize(change.ToSnapshot()),
            change.CreatedAt.ToUnixTimeMilliseconds(),
            _now.ToUnixTimeMilliseconds());
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, _transaction, cancellationToken: cancellationToken);

    private sealed record ChangeRow(
        string Id,
        int Year,
        int Number,
        string Title,
        string State,
        string Type,
        string Criticality,
        string Requester,
        string Executor,
        long PlannedStart,
        long PlannedEnd,
        int Revision,
        long Version,
        string Snapshot,
        long CreatedAt,
        long UpdatedAt);
}
