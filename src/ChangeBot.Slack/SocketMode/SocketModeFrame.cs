using System.Text.Json;

namespace ChangeBot.Slack.SocketMode;

/// <summary>
/// One frame Slack sends over a Socket Mode connection: <c>hello</c>, <c>disconnect</c> (with a reason) or an
/// envelope (<c>slash_commands</c>, <c>interactive</c>, <c>events_api</c>) carrying the payload the HTTP endpoint
/// would have received, an <c>envelope_id</c> to ack and, on a redelivery, its <c>retry_attempt</c>.
/// </summary>
public sealed record SocketModeFrame(string Type, string? EnvelopeId, JsonElement? Payload, string? Reason, int? RetryAttempt)
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
    public const string EventsApi = "events_api";

    /// <summary>Null when the text is not a JSON object with a string <c>type</c>.</summary>
    public static SocketModeFrame? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            return new SocketModeFrame(
                type.GetString()!,
                Text(root, "envelope_id"),
                root.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload.Clone() : null,
                Text(root, "reason"),
                root.TryGetProperty("retry_attempt", out var retry) && retry.TryGetInt32(out var attempt) && attempt > 0 ? attempt : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
