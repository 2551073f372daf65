namespace ChangeBot.Data.Audit;

/// <summary>The outcome of checking the chain: intact, or the first entry that is not what was written.</summary>
public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSeq, string Message);
