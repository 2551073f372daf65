using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// Checks the monitoring stack at start-up and then every <c>Monitoring:CheckInterval</c> on the injected clock.
/// Thin on purpose: a later issue may move the schedule to Quartz.
/// </summary>
internal sealed class MonitoringCheckWorker(
    IMonitoringStatus status,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<MonitoringCheckWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            logger.LogWarning("Monitoring is not configured (Monitoring:Prometheus:Url, Monitoring:Alertmanager:Url): the \"no metrics, no changes\" rule is off");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                await status.CheckNowAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug in one check must not stop the schedule (or the host): the gate keeps its last state.
                logger.LogError(exception, "The monitoring check failed unexpectedly");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
