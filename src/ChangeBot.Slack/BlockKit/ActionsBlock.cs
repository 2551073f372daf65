using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>A row of interactive elements. Slack allows 25; a longer row keeps the first 25 (a button cannot say "and more").</summary>
public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block
{
    public override JsonObject ToJson()
    {
        var json = Start("actions");
        json["elements"] = new JsonArray([.. Elements.Take(SlackLimits.ActionsElements).Select(e => e.ToJson())]);
        return json;
    }
}
