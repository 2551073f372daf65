using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// Readiness part "scheduler": this host's Quartz scheduler has started on its persistent store and is neither in
/// standby nor shut down, so windows, locks and reminders fire. A replica whose scheduler is down must not look ready.
/// Quartz starts the scheduler in the background once the host has started (on a PostgreSQL cluster after checking
/// in), so a fresh replica is unready for that moment.
/// </summary>
internal sealed class SchedulerReadinessCheck(HostScheduler host) : IHealthCheck
{
    private const string Consequence = "windows, locks and reminders do not fire";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (host.Scheduler is not { } scheduler)
        {
            return HealthCheckResult.Unhealthy($"the scheduler is starting, not running yet: {Consequence}");
        }

        return await scheduler.GetStatus(cancellationToken).ConfigureAwait(false) switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy($"running as {scheduler.SchedulerName}/{await scheduler.GetSchedulerInstanceId(cancellationToken).ConfigureAwait(false)}"),
            SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown => HealthCheckResult.Unhealthy($"the scheduler has shut down: {Consequence}"),
            SchedulerStatus.Standby => HealthCheckResult.Unhealthy($"the scheduler is in standby: {Consequence}"),
            _ => HealthCheckResult.Unhealthy($"the scheduler is starting, not running yet: {Consequence}"),
        };
    }
}
