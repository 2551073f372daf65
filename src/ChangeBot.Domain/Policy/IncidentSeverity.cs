namespace ChangeBot.Domain.Policy;

/// <summary>Incident severities; S1 is the worst.</summary>
public enum IncidentSeverity
{
    S1 = 1,
    S2 = 2,
    S3 = 3,
    S4 = 4,
}
