using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// What a source says about one incident: declared (or still going) at a severity, or resolved. The same report
/// twice changes nothing, so Slack, the API and Alertmanager's repeated notifications are all idempotent on
/// <see cref="Id"/>.
/// </summary>
public sealed record IncidentReport(string Id, IncidentSeverity Severity, bool IsActive, string Title);
