using System.Text.Encodings.Web;
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

        // Slack reads JSON, not HTML: escaping backticks and quotes for HTML safety only bloats and garbles the wire.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
