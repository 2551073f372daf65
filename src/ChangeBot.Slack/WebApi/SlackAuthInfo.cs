namespace ChangeBot.Slack.WebApi;

/// <summary>Who the bot token belongs to (<c>auth.test</c>).</summary>
public sealed record SlackAuthInfo(string TeamId, string UserId, string? BotId);
