namespace ChangeBot.Tests.Scheduling;

/// <summary>A Slack message the bot owes, as the outbox holds it: where, when written, what it says.</summary>
internal sealed record OwedMessage(string Channel, string Method, string? ThreadKey, DateTimeOffset At, string Text)
{
    public bool IsDirectMessage => Channel.StartsWith('U');
}
