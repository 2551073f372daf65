namespace ChangeBot.Data.Outbox;

/// <summary>Where a message the bot posted lives, so it can be updated or replied to.</summary>
public sealed record SlackMessageRecord(string MessageKey, string Channel, string Ts);
