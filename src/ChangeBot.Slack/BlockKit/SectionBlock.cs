using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>A section: text up to 3000, up to 10 fields of 2000 (more are summarised), an optional accessory.</summary>
public sealed record SectionBlock : Block
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject> Fields { get; init; } = [];

    public BlockElement? Accessory { get; init; }

    public static SectionBlock Markdown(string text) => new() { Text = TextObject.Markdown(text) };

    public override JsonObject ToJson()
    {
        if (Text is null && Fields.Count == 0)
        {
            throw new InvalidOperationException("a section needs text or fields");
        }

        var json = Start("section");
        if (Text is not null)
        {
            json["text"] = Text.ToJson(SlackLimits.SectionText);
        }

        if (Fields.Count > 0)
        {
            var fields = BlockList.Summarise(Fields, SlackLimits.SectionFields, more => TextObject.Markdown(SlackText.AndMore(more)));
            json["fields"] = new JsonArray([.. fields.Select(f => f.ToJson(SlackLimits.SectionFieldText))]);
        }

        if (Accessory is not null)
        {
            json["accessory"] = Accessory.ToJson();
        }

        return json;
    }
}
