namespace ChangeBot.Features.Monitoring;

/// <summary>An alert Alertmanager holds now (<c>/api/v2/alerts</c>); <see cref="State"/> is active, suppressed or unprocessed.</summary>
public sealed record AlertmanagerAlert(
    string Fingerprint,
    string State,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt);
