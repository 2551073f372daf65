using System.Text;
using System.Text.Json.Nodes;

namespace ChangeBot.Tests.Execution;

/// <summary>A slash command's ack as the user sees it: ephemeral or not, and all of its text (fallback and blocks).</summary>
public sealed record SlackAnswer(JsonObject? Body)
{
    public bool IsEphemeral => Body is not null && Body["response_type"]?.GetValue<string>() != "in_channel";

    public string Text => Body is null ? string.Empty : TextOf(Body);

    /// <summary>The action ids of every button in the answer.</summary>
    public IReadOnlyList<string> ActionIds => Body is null ? [] : ActionIdsOf(Body);

    /// <summary>The text of a message body: its fallback and every text in its blocks, one per line.</summary>
    public static string TextOf(JsonNode? node)
    {
        var text = new StringBuilder();
        Collect(node, text);
        return text.ToString();
    }

    public static IReadOnlyList<string> ActionIdsOf(JsonNode? node) =>
        [.. Walk(node).OfType<JsonObject>().Where(o => o["action_id"] is JsonValue).Select(o => o["action_id"]!.GetValue<string>())];

    private static void Collect(JsonNode? node, StringBuilder text)
    {
        foreach (var item in Walk(node).OfType<JsonObject>())
        {
            if (item["text"] is JsonValue value && value.TryGetValue<string>(out var s))
            {
                text.AppendLine(s);
            }
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                break;
        }
    }
}
