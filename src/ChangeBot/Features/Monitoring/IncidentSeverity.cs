namespace ChangeBot.Features.Monitoring;

/// <summary>
/// Incident severities as the seeds use them: S1 and S2 block every change but the fix and pause rollouts. Kept in
/// the monitoring slice until the incidents slice owns the type.
/// </summary>
public enum IncidentSeverity
{
    S1 = 1,
    S2 = 2,
    S3 = 3,
    S4 = 4,
}
