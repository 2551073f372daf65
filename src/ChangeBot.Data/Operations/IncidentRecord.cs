namespace ChangeBot.Data.Operations;

/// <summary>An incident as the bot knows it: declared in Slack, by the API or by an alert source.</summary>
public sealed record IncidentRecord(
    string Id,
    string Severity,
    string Status,
    string Title,
    DateTimeOffset StartedAt,
    DateTimeOffset? ResolvedAt,
    string Source);
