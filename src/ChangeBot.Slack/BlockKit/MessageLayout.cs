using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>
/// A message's content: <see cref="Text"/> is the notification fallback and is always sent; at most 50 blocks,
/// more are summarised.
/// </summary>
public sealed record MessageLayout(string Text, IReadOnlyList<Block> Blocks)
{
    public MessageLayout(string text)
        : this(text, [])
    {
    }

    public JsonArray BlocksJson() =>
        [.. BlockList.Summarise(Blocks, SlackLimits.MessageBlocks).Select(b => (JsonNode)b.ToJson())];

    /// <summary>The fields a message body carries: <c>text</c> and, when there are any, <c>blocks</c>.</summary>
    public void WriteTo(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        body["text"] = SlackText.Truncate(string.IsNullOrEmpty(Text) ? " " : Text, SlackLimits.MessageText);
        if (Blocks.Count > 0)
        {
            body["blocks"] = BlocksJson();
        }
    }
}
