namespace ChangeBot.Domain.Admission;

/// <summary>What is happening now: active incidents, changes in progress, monitoring, and the schedule.</summary>
public sealed record LiveState
{
    public IReadOnlyList<ActiveIncident> Incidents { get; init; } = [];

    public IReadOnlyList<ChangeInProgress> InProgress { get; init; } = [];

    public MonitoringStatus Monitoring { get; init; } = MonitoringStatus.Healthy;

    public ScheduledChangeIndex Scheduled { get; init; } = ScheduledChangeIndex.Empty;

    /// <summary>Nothing active, monitoring up, nothing scheduled.</summary>
    public static LiveState Quiet { get; } = new();
}
