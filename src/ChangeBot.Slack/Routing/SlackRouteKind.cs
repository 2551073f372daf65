namespace ChangeBot.Slack.Routing;

/// <summary>What a route's key matches.</summary>
public enum SlackRouteKind
{
    Command,
    Action,
    ViewSubmission,
    ViewClosed,
    Shortcut,
    Event,
    Suggestion,
}
