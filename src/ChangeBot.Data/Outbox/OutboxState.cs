namespace ChangeBot.Data.Outbox;

/// <summary>Stored in lower case: pending, sent, dead.</summary>
public enum OutboxState
{
    Pending = 1,
    Sent = 2,

    /// <summary>Given up on after repeated or permanent failure: kept, logged and counted, never dropped.</summary>
    Dead = 3,
}
