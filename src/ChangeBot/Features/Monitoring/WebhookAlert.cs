namespace ChangeBot.Features.Monitoring;

/// <summary>
/// One alert of an Alertmanager webhook notification. <see cref="EndsAt"/> is <c>null</c> while it fires without a
/// known end (Alertmanager sends the zero time).
/// </summary>
public sealed record WebhookAlert(
    AlertStatus Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string Fingerprint,
    string? GeneratorUrl);
