using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>A button: text cut at 75; a value over 2000 or a URL over 3000 would lose meaning if cut, so they throw.</summary>
public sealed record ButtonElement : BlockElement
{
    public ButtonElement(string actionId, string text, string? value = null)
        : base(actionId)
    {
        Text = text;
        if (value is { Length: > SlackLimits.ButtonValue })
        {
            throw new ArgumentException($"button value is {value.Length} characters; Slack allows {SlackLimits.ButtonValue}", nameof(value));
        }

        Value = value;
    }

    public string Text { get; }

    public string? Value { get; }

    public ButtonStyle Style { get; init; }

    public Uri? Url
    {
        get;
        init => field = value is { OriginalString.Length: > SlackLimits.ButtonUrl }
            ? throw new ArgumentException($"button url is over {SlackLimits.ButtonUrl} characters", nameof(Url))
            : value;
    }

    public override JsonObject ToJson()
    {
        var json = Start("button");
        json["text"] = TextObject.Plain(Text).ToJson(SlackLimits.ButtonText);
        if (Value is not null)
        {
            json["value"] = Value;
        }

        if (Url is not null)
        {
            json["url"] = Url.OriginalString;
        }

        if (Style != ButtonStyle.Default)
        {
            json["style"] = Style == ButtonStyle.Primary ? "primary" : "danger";
        }

        return json;
    }
}
