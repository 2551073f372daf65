using ChangeBot.Data.Sql;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;
using ChangeBot.Domain.Changes;
using Dapper;

namespace ChangeBot.Data.Changes;

/// <summary>The read side: lists for App Home, the calendar and the API, straight from the query columns.</summary>
public sealed class ChangeRequestQueries(ISqlDialect dialect)
{
    private const string Columns = """
        c.id, c.title, c.state, c.type, c.criticality, c.requester, c.executor, c.planned_start, c.planned_end,
        c.revision, c.version, c.updated_at
        """;

    private static readonly string[] Underway = [nameof(ChangeState.InProgress), nameof(ChangeState.Monitoring)];
    private static readonly string[] Booked = [nameof(ChangeState.Approved), nameof(ChangeState.Scheduled), nameof(ChangeState.InProgress), nameof(ChangeState.Monitoring)];

    public Task<IReadOnlyList<ChangeSummary>> InStateAsync(IEnumerable<ChangeState> states, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {Columns} FROM change_requests c WHERE {dialect.IsOneOf("c.state", "@States")} ORDER BY c.planned_start, c.id",
            new { States = states.Select(state => state.ToString()).ToList() },
            cancellationToken);

    /// <summary>Filed by <paramref name="requester"/>, newest first.</summary>
    public Task<IReadOnlyList<ChangeSummary>> ByRequesterAsync(string requester, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {Columns} FROM change_requests c WHERE c.requester = @Requester ORDER BY c.created_at DESC, c.id DESC",
            new { Requester = requester },
            cancellationToken);

    /// <summary>Waiting for an approval someone holding <paramref name="role"/> can give now.</summary>
    public Task<IReadOnlyList<ChangeSummary>> AwaitingAsync(ApproverRole role, CancellationToken cancellationToken) =>
        ListAsync(
            $"""
            SELECT {Columns} FROM change_requests c
            WHERE EXISTS (SELECT 1 FROM change_awaiting_roles a WHERE a.change_id = c.id AND a.role = @Role)
            ORDER BY c.planned_start, c.id
            """,
            new { Role = role.ToString() },
            cancellationToken);

    /// <summary>Rolling out or baking.</summary>
    public Task<IReadOnlyList<ChangeSummary>> InProgressAsync(CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {Columns} FROM change_requests c WHERE {dialect.IsOneOf("c.state", "@States")} ORDER BY c.planned_start, c.id",
            new { States = Underway },
            cancellationToken);

    /// <summary>Approved, scheduled or running changes whose planned time overlaps [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public Task<IReadOnlyList<ChangeSummary>> PlannedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ListAsync(
            $"""
            SELECT {Columns} FROM change_requests c
            WHERE {dialect.IsOneOf("c.state", "@States")} AND c.planned_start < @To AND c.planned_end > @From
            ORDER BY c.planned_start, c.id
            """,
            new { States = Booked, From = from.ToUnixTimeMilliseconds(), To = to.ToUnixTimeMilliseconds() },
            cancellationToken);

    /// <summary>Every change touching <paramref name="service"/>, most recently planned first.</summary>
    public Task<IReadOnlyList<ChangeSummary>> ByServiceAsync(string service, CancellationToken cancellationToken) =>
        ListAsync(
            $"""
            SELECT {Columns} FROM change_requests c
            WHERE EXISTS (SELECT 1 FROM change_services s WHERE s.change_id = c.id AND s.service = @Service)
            ORDER BY c.planned_start DESC, c.id DESC
            """,
            new { Service = service },
            cancellationToken);

    /// <summary>
    /// Approved, scheduled or running changes still to end after <paramref name="from"/>, each with its services: the
    /// schedule admission flags conflicts against. One query over the booked changes only, not every stored CR.
    /// </summary>
    public async Task<IReadOnlyList<ScheduledChange>> BookedScheduleAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<BookedRow>(new CommandDefinition(
            $"""
            SELECT c.id, c.planned_start, c.planned_end, s.service
            FROM change_requests c JOIN change_services s ON s.change_id = c.id
            WHERE {dialect.IsOneOf("c.state", "@States")} AND c.planned_end > @From
            ORDER BY c.id, s.service
            """,
            new { States = Booked, From = from.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return
        [
            .. rows.GroupBy(row => row.Id, StringComparer.Ordinal).Select(change => new ScheduledChange(
                ChangeId.Parse(change.Key),
                [.. change.Select(row => row.Service)],
                new TimeInterval(DateTimeOffset.FromUnixTimeMilliseconds(change.First().PlannedStart), DateTimeOffset.FromUnixTimeMilliseconds(change.First().PlannedEnd)))),
        ];
    }

    /// <summary>Whether a change following the standard template <paramref name="template"/> was ever approved.</summary>
    public async Task<bool> TemplateApprovedAsync(string template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var found = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT 1 FROM approved_templates WHERE template = @Template",
            new { Template = template.Trim() },
            cancellationToken: cancellationToken));
        return found is not null;
    }

    /// <summary>How many change requests are in each state (every state present, zero when none).</summary>
    public async Task<IReadOnlyDictionary<ChangeState, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM change_requests GROUP BY state",
            cancellationToken: cancellationToken));
        var counts = Enum.GetValues<ChangeState>().ToDictionary(state => state, _ => 0L);
        foreach (var (state, count) in rows)
        {
            counts[Enum.Parse<ChangeState>(state)] = count;
        }

        return counts;
    }

    private async Task<IReadOnlyList<ChangeSummary>> ListAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SummaryRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToSummary())];
    }

    private sealed class BookedRow
    {
        public string Id { get; set; } = string.Empty;

        public long PlannedStart { get; set; }

        public long PlannedEnd { get; set; }

        public string Service { get; set; } = string.Empty;
    }

    private sealed class SummaryRow
    {
        public string Id { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public string State { get; set; } = string.Empty;

        public string Type { get; set; } = string.Empty;

        public string Criticality { get; set; } = string.Empty;

        public string Requester { get; set; } = string.Empty;

        public string Executor { get; set; } = string.Empty;

        public long PlannedStart { get; set; }

        public long PlannedEnd { get; set; }

        public long Revision { get; set; }

        public long Version { get; set; }

        public long UpdatedAt { get; set; }

        public ChangeSummary ToSummary() => new(
            ChangeId.Parse(Id),
            Title,
            Enum.Parse<ChangeState>(State),
            Enum.Parse<ChangeType>(Type),
            Enum.Parse<Criticality>(Criticality),
            Requester,
            Executor,
            DateTimeOffset.FromUnixTimeMilliseconds(PlannedStart),
            DateTimeOffset.FromUnixTimeMilliseconds(PlannedEnd),
            checked((int)Revision),
            Version,
            DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt));
    }
}
