namespace ChangeBot.Slack.BlockKit;

/// <summary>The elements that offer a fixed list of options.</summary>
public enum OptionsKind
{
    StaticSelect,
    MultiStaticSelect,
    RadioButtons,
    Checkboxes,
}
