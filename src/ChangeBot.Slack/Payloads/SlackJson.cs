using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeBot.Slack.Payloads;

/// <summary>Slack's wire format: snake_case names, nulls left out when we write.</summary>
public static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
