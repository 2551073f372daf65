using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>A horizontal rule.</summary>
public sealed record DividerBlock : Block
{
    public override JsonObject ToJson() => Start("divider");
}
