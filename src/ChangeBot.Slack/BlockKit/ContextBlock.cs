using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>Small print: up to 10 text elements, more are summarised.</summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block
{
    public static ContextBlock Markdown(string text) => new([TextObject.Markdown(text)]);

    public override JsonObject ToJson()
    {
        var json = Start("context");
        var elements = BlockList.Summarise(Elements, SlackLimits.ContextElements, more => TextObject.Markdown(SlackText.AndMore(more)));
        // Context text elements share the section text limit.
        json["elements"] = new JsonArray([.. elements.Select(e => e.ToJson(SlackLimits.SectionText))]);
        return json;
    }
}
