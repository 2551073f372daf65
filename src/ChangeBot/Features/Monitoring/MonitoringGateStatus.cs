using ChangeBot.Domain.Admission;
using ChangeBot.Features.Admission;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// Admission's live-state port for "no metrics, no changes", fed by the monitoring gate. The scheduled check keeps
/// the state fresh; when the last check is older than <c>Monitoring:CheckInterval</c> (or there was none) the
/// stack is asked now, so a start never relies on a stale "up". "Not configured" reads as up: the rule is off, as
/// the monitoring slice documents, and App Home and the gate's JSON say so.
/// </summary>
internal sealed class MonitoringGateStatus(IMonitoringStatus status, IOptions<MonitoringOptions> options, TimeProvider time) : IMonitoringStatusSource
{
    public async ValueTask<MonitoringStatus> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = status.Current;
        if (snapshot.State != MonitoringState.NotConfigured
            && (snapshot.LastCheckedAt is not { } checkedAt || time.GetUtcNow() - checkedAt > options.Value.CheckInterval))
        {
            snapshot = await status.CheckNowAsync(cancellationToken).ConfigureAwait(false);
        }

        return snapshot.State == MonitoringState.Down ? new MonitoringStatus(false, snapshot.Since) : MonitoringStatus.Healthy;
    }
}
