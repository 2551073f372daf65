using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>A labelled input of a modal. Its block id is required: <c>state.values</c> and inline errors are keyed on it.</summary>
public sealed record InputBlock : Block
{
    public InputBlock(string blockId, string label, BlockElement element)
    {
        BlockId = SlackText.Id(blockId, nameof(blockId));
        Label = label;
        Element = element;
    }

    public string Label { get; init; }

    public BlockElement Element { get; init; }

    public string? Hint { get; init; }

    public bool Optional { get; init; }

    public bool DispatchAction { get; init; }

    public override JsonObject ToJson()
    {
        var json = Start("input");
        json["label"] = TextObject.Plain(Label).ToJson(SlackLimits.InputLabel);
        json["element"] = Element.ToJson();
        if (Hint is not null)
        {
            json["hint"] = TextObject.Plain(Hint).ToJson(SlackLimits.InputHint);
        }

        if (Optional)
        {
            json["optional"] = true;
        }

        if (DispatchAction)
        {
            json["dispatch_action"] = true;
        }

        return json;
    }
}
