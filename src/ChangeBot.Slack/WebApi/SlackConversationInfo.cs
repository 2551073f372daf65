namespace ChangeBot.Slack.WebApi;

/// <summary>The parts of <c>conversations.info</c> the bot uses.</summary>
public sealed record SlackConversationInfo(string Id, string? Name, bool IsMember, bool IsPrivate);
