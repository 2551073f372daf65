using ChangeBot.Data.Sql;
using ChangeBot.Domain.Changes;
using Dapper;

namespace ChangeBot.Data.Operations;

/// <summary>The read side of the operations records: a change request's overrides and handoff notes.</summary>
public sealed class OperationsQueries(ISqlDialect dialect)
{
    /// <summary>Every override recorded for <paramref name="id"/>, oldest first (expired ones too: the caller decides).</summary>
    public async Task<IReadOnlyList<OverrideRecord>> OverridesForAsync(ChangeId id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OverrideRow>(new CommandDefinition(
            """
            SELECT id, change_id, kind, reason, granted_by, granted_at, details
            FROM overrides WHERE change_id = @ChangeId ORDER BY id
            """,
            new { ChangeId = id.ToString() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToRecord())];
    }

    /// <summary>The handoff notes written about <paramref name="id"/>, oldest first.</summary>
    public async Task<IReadOnlyList<HandoffNoteRecord>> HandoffNotesForAsync(ChangeId id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HandoffRow>(new CommandDefinition(
            """
            SELECT id, change_id, author, body, created_at
            FROM handoff_notes WHERE change_id = @ChangeId ORDER BY id
            """,
            new { ChangeId = id.ToString() },
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToRecord())];
    }

    private sealed class OverrideRow
    {
        public long Id { get; set; }

        public string? ChangeId { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string Reason { get; set; } = string.Empty;

        public string GrantedBy { get; set; } = string.Empty;

        public long GrantedAt { get; set; }

        public string Details { get; set; } = "{}";

        public OverrideRecord ToRecord() =>
            new(Id, ChangeId, Kind, Reason, GrantedBy, DateTimeOffset.FromUnixTimeMilliseconds(GrantedAt), Details);
    }

    private sealed class HandoffRow
    {
        public long Id { get; set; }

        public string? ChangeId { get; set; }

        public string Author { get; set; } = string.Empty;

        public string Body { get; set; } = string.Empty;

        public long CreatedAt { get; set; }

        public HandoffNoteRecord ToRecord() => new(Id, ChangeId, Author, Body, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
    }
}
