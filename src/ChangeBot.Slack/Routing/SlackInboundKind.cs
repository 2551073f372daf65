namespace ChangeBot.Slack.Routing;

/// <summary>The three things Slack sends the bot, whatever the transport (HTTP or Socket Mode).</summary>
public enum SlackInboundKind
{
    Command,
    Interaction,
    Event,
}
