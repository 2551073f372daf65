using System.Text.Json.Nodes;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>
/// The answer Slack gets within 3 s: empty, a message (ephemeral by default) or a view submission's
/// <c>response_action</c>. <see cref="Body"/> is null for an empty 200.
/// </summary>
public sealed record SlackAck
{
    private SlackAck(JsonObject? body) => Body = body;

    public static SlackAck Empty { get; } = new((JsonObject?)null);

    /// <summary>Closes the whole modal stack.</summary>
    public static SlackAck Clear => new(new JsonObject { ["response_action"] = "clear" });

    private string? _json;

    public JsonObject? Body { get; }

    /// <summary>The body as Slack reads it, serialised once: a cached ack (help text) costs nothing per request.</summary>
    public string? ToJson() => Body is null ? null : _json ??= Body.ToJsonString(SlackJson.Options);

    public static SlackAck Ephemeral(MessageLayout message) => Message(message, "ephemeral");

    public static SlackAck Ephemeral(string text) => Ephemeral(new MessageLayout(text));

    public static SlackAck InChannel(MessageLayout message) => Message(message, "in_channel");

    /// <summary>Inline field errors keyed by block id: the modal stays open with what the user typed.</summary>
    public static SlackAck Errors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var map = new JsonObject();
        foreach (var (blockId, message) in errors)
        {
            map[blockId] = SlackText.Truncate(message, SlackLimits.InputHint);
        }

        return new(new JsonObject { ["response_action"] = "errors", ["errors"] = map });
    }

    public static SlackAck Update(ModalView view) =>
        new(new JsonObject { ["response_action"] = "update", ["view"] = (view ?? throw new ArgumentNullException(nameof(view))).ToJson() });

    public static SlackAck Push(ModalView view) =>
        new(new JsonObject { ["response_action"] = "push", ["view"] = (view ?? throw new ArgumentNullException(nameof(view))).ToJson() });

    /// <summary>The answer to a <c>block_suggestion</c>: the options to show, at most Slack's 100.</summary>
    public static SlackAck Options(IEnumerable<OptionObject> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(new JsonObject { ["options"] = new JsonArray([.. options.Take(SlackLimits.Options).Select(option => (JsonNode)option.ToJson())]) });
    }

    /// <summary>An empty options list: the select shows nothing to pick rather than an error.</summary>
    public static SlackAck NoOptions => Options([]);

    /// <summary>The Events API URL check.</summary>
    public static SlackAck Challenge(string challenge) => new(new JsonObject { ["challenge"] = challenge });

    private static SlackAck Message(MessageLayout message, string responseType)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject { ["response_type"] = responseType };
        message.WriteTo(body);
        return new(body);
    }
}
