using ChangeBot.Domain.Admission;
using ChangeBot.Features.Admission;
using ChangeBot.Features.Monitoring;

namespace ChangeBot.Features.Execution;

/// <summary>
/// Admission's monitoring port over the monitoring slice's gate: down means "no metrics, no changes" (since when);
/// up or not configured lets changes start. Without the monitoring slice registered, monitoring counts as up.
/// </summary>
internal sealed class MonitoringLiveState(IServiceProvider services) : IMonitoringStatusSource
{
    public ValueTask<MonitoringStatus> CurrentAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IMonitoringStatus>() is not { } monitoring)
        {
            return ValueTask.FromResult(MonitoringStatus.Healthy);
        }

        var snapshot = monitoring.Current;
        return ValueTask.FromResult(snapshot.BlocksElectiveChanges ? new MonitoringStatus(false, snapshot.Since) : MonitoringStatus.Healthy);
    }
}
