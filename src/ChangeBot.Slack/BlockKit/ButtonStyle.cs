namespace ChangeBot.Slack.BlockKit;

/// <summary>A button's colour.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}
