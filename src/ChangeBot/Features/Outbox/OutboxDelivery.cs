using ChangeBot.Data.Outbox;

namespace ChangeBot.Features.Outbox;

/// <summary>What a delivered entry left behind: Slack's ts, and for a keyed post where the message lives.</summary>
public sealed record OutboxDelivery(string? Ts, SlackMessageRecord? Posted);
