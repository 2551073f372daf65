using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>The App Home tab: up to 100 blocks, more are summarised.</summary>
public sealed record HomeView(IReadOnlyList<Block> Blocks)
{
    public string? PrivateMetadata
    {
        get;
        init => field = value is { Length: > SlackLimits.PrivateMetadata }
            ? throw new ArgumentException($"private_metadata is over {SlackLimits.PrivateMetadata} characters", nameof(PrivateMetadata))
            : value;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["type"] = "home",
            ["blocks"] = new JsonArray([.. BlockList.Summarise(Blocks, SlackLimits.ViewBlocks).Select(b => (JsonNode)b.ToJson())]),
        };
        if (PrivateMetadata is not null)
        {
            json["private_metadata"] = PrivateMetadata;
        }

        return json;
    }
}
