namespace ChangeBot.Data.Operations;

/// <summary>Someone allowed what a rule would have refused (e.g. a start during a soft PCL), and why.</summary>
public sealed record OverrideRecord(
    long Id,
    string? ChangeId,
    string Kind,
    string Reason,
    string GrantedBy,
    DateTimeOffset GrantedAt,
    string DetailsJson);
