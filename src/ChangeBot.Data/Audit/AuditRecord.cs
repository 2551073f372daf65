namespace ChangeBot.Data.Audit;

/// <summary>An entry as stored, numbered from 1 and chained: <see cref="Hash"/> covers the entry and the previous hash.</summary>
public sealed record AuditRecord(
    long Seq,
    DateTimeOffset At,
    string Actor,
    string Source,
    string Action,
    string? ChangeId,
    string Details,
    string PreviousHash,
    string Hash);
