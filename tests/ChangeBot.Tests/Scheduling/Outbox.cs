using System.Text.Json.Nodes;
using ChangeBot.Testing.Data;
using Dapper;

namespace ChangeBot.Tests.Scheduling;

/// <summary>Reads what the bot owes Slack straight from the outbox table.</summary>
internal static class Outbox
{
    public static async Task<IReadOnlyList<OwedMessage>> OwedAsync(TestStore db)
    {
        await using var connection = await db.Dialect.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string Channel, string Method, string? ThreadKey, long CreatedAt, string Payload)>(
            "SELECT channel, method, thread_key, created_at, payload FROM outbox ORDER BY id");
        return [.. rows.Select(row => new OwedMessage(
            row.Channel,
            row.Method,
            row.ThreadKey,
            DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt),
            JsonNode.Parse(row.Payload)!["text"]!.GetValue<string>()))];
    }
}
