using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>A header: plain text, cut at 150.</summary>
public sealed record HeaderBlock(string Text) : Block
{
    public override JsonObject ToJson()
    {
        var json = Start("header");
        json["text"] = TextObject.Plain(Text).ToJson(SlackLimits.HeaderText);
        return json;
    }
}
