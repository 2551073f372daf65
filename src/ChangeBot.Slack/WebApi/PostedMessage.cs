namespace ChangeBot.Slack.WebApi;

/// <summary>Where a message landed: its channel and <c>ts</c>, the pair that identifies it for <c>chat.update</c>.</summary>
public sealed record PostedMessage(string Channel, string Ts);
