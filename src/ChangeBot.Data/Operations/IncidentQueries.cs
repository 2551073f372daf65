using ChangeBot.Data.Sql;
using Dapper;

namespace ChangeBot.Data.Operations;

/// <summary>The read side of incidents: the active ones (for admission and App Home) and one by id (for idempotent declarations).</summary>
public sealed class IncidentQueries(ISqlDialect dialect)
{
    private const string Columns = "id, severity, status, title, started_at, resolved_at, source";

    /// <summary>Incidents declared and not resolved, oldest first.</summary>
    public async Task<IReadOnlyList<IncidentRecord>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM incidents WHERE resolved_at IS NULL ORDER BY started_at, id
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToRecord())];
    }

    public async Task<IncidentRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM incidents WHERE id = @Id
            """,
            new { Id = id },
            cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    private sealed class IncidentRow
    {
        public string Id { get; set; } = string.Empty;

        public string Severity { get; set; } = string.Empty;

        public string Status { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public long StartedAt { get; set; }

        public long? ResolvedAt { get; set; }

        public string Source { get; set; } = string.Empty;

        public IncidentRecord ToRecord() => new(
            Id,
            Severity,
            Status,
            Title,
            DateTimeOffset.FromUnixTimeMilliseconds(StartedAt),
            ResolvedAt is { } resolved ? DateTimeOffset.FromUnixTimeMilliseconds(resolved) : null,
            Source);
    }
}
