using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>An option: text cut at 75; the value is what comes back, so over 150 it throws instead of changing.</summary>
public sealed record OptionObject
{
    public OptionObject(string text, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Text = text;
        Value = value.Length <= SlackLimits.OptionValue
            ? value
            : throw new ArgumentException($"option value is {value.Length} characters; Slack allows {SlackLimits.OptionValue}", nameof(value));
    }

    public string Text { get; }

    public string Value { get; }

    public JsonObject ToJson() => new()
    {
        ["text"] = TextObject.Plain(Text).ToJson(SlackLimits.OptionText),
        ["value"] = Value,
    };
}
