using System.Data.Common;
using ChangeBot.Slack;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// Runs delivery rounds for as long as the host runs: straight on while there is work, otherwise every poll interval.
/// When the host stops, the deliveries in flight finish and what is due is flushed for up to
/// <see cref="OutboxOptions.ShutdownFlush"/>; whatever is still pending after that is due at the next start (of any
/// replica).
/// </summary>
internal sealed class OutboxDeliveryWorker(
    OutboxDelivery delivery,
    ISlackOutboxSender sender,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDeliveryWorker> logger) : BackgroundService
{
    // Cancelled only when the flush's time is up (or the host's own shutdown timeout): stopping ends the waiting
    // between rounds, not a delivery halfway through.
    private readonly CancellationTokenSource _deliveries = new();
    private CancellationTokenSource? _flushDeadline;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _flushDeadline = new CancellationTokenSource(options.Value.ShutdownFlush, clock);
        using var deadline = _flushDeadline.Token.Register(_deliveries.Cancel);
        using var hostGaveUp = cancellationToken.Register(_deliveries.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _deliveries.Dispose();
        _flushDeadline?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sender.IsConfigured)
        {
            logger.LogWarning("{Key} is not set: Slack messages stay in the outbox, pending, until it is.", $"{SlackOptions.SectionName}:{nameof(SlackOptions.BotToken)}");
            return;
        }

        var deliveries = _deliveries.Token;
        while (!stoppingToken.IsCancellationRequested)
        {
            var settled = 0;
            try
            {
                settled = await delivery.DeliverDueAsync(deliveries);
            }
            catch (OperationCanceledException) when (deliveries.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
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
                    break;
                }
            }
        }

        await FlushAsync(deliveries);
    }

    /// <summary>Delivers rounds until one settles nothing (the rest waits for a later retry) or the flush's time is up.</summary>
    private async Task FlushAsync(CancellationToken deliveries)
    {
        var delivered = 0;
        try
        {
            for (int settled; (settled = await delivery.DeliverDueAsync(deliveries)) > 0;)
            {
                delivered += settled;
            }

            logger.LogInformation("Stopping: the outbox settled {Count} owed Slack call(s) before exit.", delivered);
        }
        catch (OperationCanceledException) when (deliveries.IsCancellationRequested)
        {
            logger.LogWarning(
                "Stopping: Outbox:ShutdownFlush ({Flush}) is up after {Count} settled Slack call(s); what is still pending is delivered at the next start.",
                options.Value.ShutdownFlush,
                delivered);
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogError(exception, "Stopping: the outbox flush failed; what is still pending is delivered at the next start.");
        }
    }
}
