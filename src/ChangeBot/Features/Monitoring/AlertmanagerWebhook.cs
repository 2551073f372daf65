namespace ChangeBot.Features.Monitoring;

/// <summary>
/// The body Alertmanager POSTs to a webhook receiver (version 4): the group's status, its alerts and the labels they
/// share. <see cref="TruncatedAlerts"/> counts alerts left out by the receiver's <c>max_alerts</c>.
/// </summary>
public sealed record AlertmanagerWebhook(
    AlertStatus Status,
    string Receiver,
    string GroupKey,
    IReadOnlyDictionary<string, string> CommonLabels,
    IReadOnlyList<WebhookAlert> Alerts,
    int TruncatedAlerts,
    string? ExternalUrl);
