namespace ChangeBot.Domain.Rollout;

/// <summary>
/// One stage as it actually ran: when it began, the monitoring time it owed and when it ended (the next stage
/// began, the bake began, or the change was rolled back, aborted or vetoed).
/// </summary>
public sealed record StageRun(
    int Index,
    string Name,
    int Percent,
    TimeSpan MinimumMonitoring,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt = null)
{
    /// <summary>The earliest moment the rollout may move on from this stage.</summary>
    public DateTimeOffset MonitoredUntil => StartedAt + MinimumMonitoring;
}
