namespace ChangeBot.Data.Outbox;

/// <summary>A stored outbox row.</summary>
public sealed record OutboxEntry
{
    public long Id { get; init; }

    public required string Channel { get; init; }

    public required string Method { get; init; }

    public required string Payload { get; init; }

    public string? MessageKey { get; init; }

    public string? ThreadKey { get; init; }

    public required string State { get; init; }

    public long Attempts { get; init; }

    public long NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public string? Ts { get; init; }

    public long CreatedAt { get; init; }

    public long? SentAt { get; init; }
}
