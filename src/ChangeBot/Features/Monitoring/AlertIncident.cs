namespace ChangeBot.Features.Monitoring;

/// <summary>
/// What one webhook alert means for incidents: declare or resolve incident <see cref="Id"/> (stable across
/// notifications: it comes from the alert's fingerprint) at <see cref="Severity"/>. When the alert maps to no
/// severity, <see cref="Severity"/> is <c>null</c> and <see cref="NotAnIncidentBecause"/> says why, so the webhook
/// can answer with it instead of dropping the alert silently.
/// </summary>
public sealed record AlertIncident(string Id, IncidentSeverity? Severity, bool IsActive, string Title, string? NotAnIncidentBecause)
{
    public bool IsIncident => Severity is not null;
}
