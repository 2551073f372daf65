namespace ChangeBot.Data.Operations;

/// <summary>A handoff note written for the next on-call shift, optionally about one change.</summary>
public sealed record HandoffNoteRecord(long Id, string? ChangeId, string Author, string Body, DateTimeOffset CreatedAt);
