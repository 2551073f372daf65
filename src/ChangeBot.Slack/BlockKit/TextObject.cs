using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>A Block Kit text object; the limit is applied where the object is placed.</summary>
public sealed record TextObject(string Text, bool IsMarkdown)
{
    public static TextObject Plain(string text) => new(text, false);

    public static TextObject Markdown(string text) => new(text, true);

    public JsonObject ToJson(int limit) => new()
    {
        ["type"] = IsMarkdown ? "mrkdwn" : "plain_text",
        ["text"] = SlackText.Truncate(Text, limit),
    };
}
