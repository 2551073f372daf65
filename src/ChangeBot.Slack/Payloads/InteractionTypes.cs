namespace ChangeBot.Slack.Payloads;

/// <summary>The values of an interaction payload's <c>type</c>.</summary>
public static class InteractionTypes
{
    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";
    public const string ViewClosed = "view_closed";
    public const string Shortcut = "shortcut";
    public const string MessageAction = "message_action";
    public const string BlockSuggestion = "block_suggestion";
}
