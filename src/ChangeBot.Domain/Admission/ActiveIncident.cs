using ChangeBot.Domain.Policy;

namespace ChangeBot.Domain.Admission;

/// <summary>An incident declared and not yet resolved.</summary>
public sealed record ActiveIncident(string Id, IncidentSeverity Severity, string? Title = null);
