using ChangeBot.Domain.Admission;

namespace ChangeBot.Features.Admission;

/// <summary>The default until the incident, storage and monitoring slices plug in: nothing active, monitoring up.</summary>
internal sealed class NothingActive : IActiveIncidentSource, IChangesInProgressSource, IMonitoringStatusSource
{
    public ValueTask<IReadOnlyList<ActiveIncident>> ActiveAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<ActiveIncident>>([]);

    public ValueTask<IReadOnlyList<ChangeInProgress>> InProgressAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<ChangeInProgress>>([]);

    public ValueTask<ScheduledChangeIndex> ScheduledAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ScheduledChangeIndex.Empty);

    public ValueTask<MonitoringStatus> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(MonitoringStatus.Healthy);
}
