using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// Readiness part "scheduler": Quartz has started on its persistent store and is neither in standby nor shut down, so
/// windows, locks and reminders fire. A replica whose scheduler is down must not look ready.
/// </summary>
internal sealed class SchedulerReadinessCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var status = await scheduler.GetStatus(cancellationToken).ConfigureAwait(false);
        if (status is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown)
        {
            return HealthCheckResult.Unhealthy("the scheduler has shut down: windows, locks and reminders do not fire");
        }

        if (status != SchedulerStatus.Running)
        {
            return HealthCheckResult.Unhealthy($"the scheduler is {status.ToString().ToLowerInvariant()}, not running: windows, locks and reminders do not fire");
        }

        return HealthCheckResult.Healthy($"running as {await scheduler.GetSchedulerInstanceId(cancellationToken).ConfigureAwait(false)}");
    }
}
