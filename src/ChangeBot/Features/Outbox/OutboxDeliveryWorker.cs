using ChangeBot.Slack;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// Runs delivery rounds for as long as the host runs: straight on while there is work, otherwise every poll interval.
/// What was pending when the process stopped is simply due at the next start.
/// </summary>
internal sealed class OutboxDeliveryWorker(
    OutboxDelivery delivery,
    ISlackOutboxSender sender,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sender.IsConfigured)
        {
            logger.LogWarning("{Key} is not set: Slack messages stay in the outbox, pending, until it is.", $"{SlackOptions.SectionName}:{nameof(SlackOptions.BotToken)}");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var settled = 0;
            try
            {
                settled = await delivery.DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                logger.LogError(exception, "An outbox delivery round failed; the next round retries what is still pending.");
            }

            if (settled == 0)
            {
                try
                {
                    // Woken at once when a use case commits messages; the poll is for other replicas' messages and retries.
                    await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
