using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeBot.Slack.Payloads;

/// <summary>The inner event of an <c>event_callback</c>; fields an event type has beyond these are in <see cref="Extra"/>.</summary>
public sealed record SlackEvent
{
    public required string Type { get; init; }

    public string? User { get; init; }

    public string? Channel { get; init; }

    /// <summary><c>app_home_opened</c>: "home" or "messages".</summary>
    public string? Tab { get; init; }

    public string? EventTs { get; init; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; init; }
}
