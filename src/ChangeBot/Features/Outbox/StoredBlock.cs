using System.Text.Json.Nodes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Outbox;

/// <summary>A block as it was rendered when the outbox message was written; sent again exactly as stored.</summary>
public sealed record StoredBlock(JsonObject Json) : Block
{
    public override JsonObject ToJson() => Json.DeepClone().AsObject();
}
