using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary><c>plain_text_input</c> (max_length capped at 3000), <c>number_input</c>, <c>url_text_input</c>, <c>email_text_input</c>.</summary>
public sealed record TextInputElement : BlockElement
{
    public TextInputElement(string actionId, TextInputKind kind = TextInputKind.PlainText)
        : base(actionId) => Kind = kind;

    public TextInputKind Kind { get; }

    public bool Multiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Placeholder { get; init; }

    public string? InitialValue { get; init; }

    public bool IsDecimalAllowed { get; init; }

    public override JsonObject ToJson()
    {
        var json = Start(Kind switch
        {
            TextInputKind.Number => "number_input",
            TextInputKind.Url => "url_text_input",
            TextInputKind.Email => "email_text_input",
            _ => "plain_text_input",
        });
        if (Kind == TextInputKind.PlainText)
        {
            json["max_length"] = Math.Min(MaxLength ?? SlackLimits.TextInputMaxLength, SlackLimits.TextInputMaxLength);
            if (Multiline)
            {
                json["multiline"] = true;
            }
        }

        if (Kind == TextInputKind.Number)
        {
            json["is_decimal_allowed"] = IsDecimalAllowed;
        }

        AddPlaceholder(json, Placeholder);
        if (InitialValue is not null)
        {
            json["initial_value"] = Kind == TextInputKind.PlainText
                ? SlackText.Truncate(InitialValue, SlackLimits.TextInputMaxLength)
                : InitialValue;
        }

        return json;
    }
}
