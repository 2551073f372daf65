namespace ChangeBot.Slack.BlockKit;

/// <summary>The text-like inputs; their value always arrives as a string.</summary>
public enum TextInputKind
{
    PlainText,
    Number,
    Url,
    Email,
}
