using ChangeBot.Features.Monitoring;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// Runs <see cref="RollbackTriggerAnnouncer"/> every <c>Monitoring:CheckInterval</c> on the injected clock. Thin on
/// purpose, so the scheduler slice can move it to a Quartz job.
/// </summary>
internal sealed partial class RollbackTriggerWorker(
    RollbackTriggerAnnouncer announcer,
    IOptions<MonitoringOptions> options,
    TimeProvider time,
    ILogger<RollbackTriggerWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await announcer.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database or Slack may be away for a round; the next round tries again.
                LogRoundFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A rollback-trigger round failed; the next one tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
