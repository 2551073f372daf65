using System.Text.Json;
using System.Text.Json.Serialization;
using ChangeBot.Data.Operations;
using ChangeBot.Data.Sql;
using ChangeBot.Domain.Policy;
using Dapper;

namespace ChangeBot.Features.Locks;

/// <summary>Run-time locks as rows: the write shape for the operations repository, and the read of the ones in force.</summary>
public sealed class LockRecords(ISqlDialect dialect)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Locks declared at run time and not ended, oldest first.</summary>
    public async Task<IReadOnlyList<ActiveLock>> ActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT id, definition, created_by, created_at FROM change_locks
            WHERE ended_at IS NULL
            ORDER BY created_at, id
            """,
            cancellationToken: cancellationToken));
        return [.. rows.Select(row => new ActiveLock(
            JsonSerializer.Deserialize<LockDefinition>(row.Definition, Json)!,
            row.CreatedBy,
            DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt)))];
    }

    public static ChangeLockRecord ToRecord(LockDefinition definition, string createdBy, DateTimeOffset createdAt, DateTimeOffset? endedAt = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var period = definition.FirstPeriod;
        return new ChangeLockRecord(
            definition.Id,
            definition.Name,
            definition.Strength == LockStrength.Hard ? "hard" : "soft",
            definition.Kind == LockKind.Freeze ? "freeze" : "pcl",
            period.Start,
            definition.Recurrence == LockRecurrence.None ? period.End : null,
            definition.Recurrence == LockRecurrence.None ? null : definition.Recurrence.ToString().ToLowerInvariant(),
            definition.TimeZone,
            LockScope.Of(definition.Environments, definition.Services).ToString(),
            JsonSerializer.Serialize(definition.Exceptions.Select(ExceptionCategoryText.Key), Json),
            definition.ExceptionApprover.ToString(),
            JsonSerializer.Serialize(definition, Json),
            createdBy,
            createdAt,
            endedAt);
    }

    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;

        public string Definition { get; set; } = string.Empty;

        public string CreatedBy { get; set; } = string.Empty;

        public long CreatedAt { get; set; }
    }
}
