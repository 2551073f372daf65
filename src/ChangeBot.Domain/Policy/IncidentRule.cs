namespace ChangeBot.Domain.Policy;

/// <summary>
/// An active incident of a blocking severity stops every change except an emergency linked to it; one of a warning
/// severity only adds a warning.
/// </summary>
public sealed record IncidentRule(IReadOnlySet<IncidentSeverity> Blocking, IReadOnlySet<IncidentSeverity> Warning)
{
    public static IncidentRule Default { get; } = new(
        new HashSet<IncidentSeverity> { IncidentSeverity.S1, IncidentSeverity.S2 },
        new HashSet<IncidentSeverity> { IncidentSeverity.S3, IncidentSeverity.S4 });
}
