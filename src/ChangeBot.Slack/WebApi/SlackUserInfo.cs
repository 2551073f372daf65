namespace ChangeBot.Slack.WebApi;

/// <summary>The parts of <c>users.info</c> the bot uses: the user's IANA time zone and offset.</summary>
public sealed record SlackUserInfo(string Id, string? Name, string? RealName, string? Tz, int TzOffset, bool IsBot);
