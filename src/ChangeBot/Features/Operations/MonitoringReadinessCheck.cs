using ChangeBot.Features.Monitoring;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Operations;

/// <summary>
/// The monitoring gate's state as information: a monitoring outage stops elective changes (the gate says so), not the
/// bot, so it only fails readiness when <c>Monitoring:Required</c> is set. Otherwise down reads as degraded (still 200).
/// </summary>
internal sealed class MonitoringReadinessCheck(IMonitoringStatus monitoring, IOptions<MonitoringOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = monitoring.Current;
        return Task.FromResult(current.State switch
        {
            MonitoringState.Down when options.Value.Required => HealthCheckResult.Unhealthy(current.Summary),
            MonitoringState.Down => HealthCheckResult.Degraded(current.Summary),
            _ => HealthCheckResult.Healthy(current.Summary),
        });
    }
}
