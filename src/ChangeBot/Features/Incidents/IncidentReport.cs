using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// What a source says about one incident: declared (or still going) at a severity, or resolved. The same report
/// twice changes nothing, so Slack, the API and Alertmanager's repeated notifications are all idempotent on
/// <see cref="Id"/>. <see cref="DeliveryKey"/>, when the source has one, names this very notification (Alertmanager:
/// the alert's fingerprint, status and start), so two copies arriving at the same instant, on one replica or two, are
/// acted on once.
/// </summary>
public sealed record IncidentReport(string Id, IncidentSeverity Severity, bool IsActive, string Title, string? DeliveryKey = null);
