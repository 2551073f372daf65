using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>A layout block. Rendering applies Slack's limits, so the JSON is always accepted.</summary>
public abstract record Block
{
    private readonly string? _blockId;

    public string? BlockId
    {
        get => _blockId;
        init => _blockId = SlackText.OptionalId(value, nameof(BlockId));
    }

    public abstract JsonObject ToJson();

    protected JsonObject Start(string type)
    {
        var json = new JsonObject { ["type"] = type };
        if (BlockId is not null)
        {
            json["block_id"] = BlockId;
        }

        return json;
    }
}
