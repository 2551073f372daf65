using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// How a message is kept in the outbox: the body Slack takes (<c>text</c> and <c>blocks</c>), rendered when the use
/// case ran, so what is delivered later is what the user's action produced.
/// </summary>
public static class OutboxPayload
{
    public static string Of(MessageLayout message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject();
        message.WriteTo(body);
        return body.ToJsonString();
    }

    /// <summary>An ephemeral message's payload: the message and the one user who sees it.</summary>
    public static string Ephemeral(string user, MessageLayout message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject { ["user"] = user };
        message.WriteTo(body);
        return body.ToJsonString();
    }

    public static MessageLayout Read(string payloadJson)
    {
        var body = JsonNode.Parse(payloadJson) as JsonObject
            ?? throw new JsonException("An outbox payload is a JSON object with text and blocks.");
        var text = body["text"]?.GetValue<string>() ?? " ";
        var blocks = body["blocks"] is JsonArray array
            ? array.OfType<JsonObject>().Select(block => (Block)new StoredBlock(block.DeepClone().AsObject())).ToList()
            : [];
        return new MessageLayout(text, blocks);
    }
}
