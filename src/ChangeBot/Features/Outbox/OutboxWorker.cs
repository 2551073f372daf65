using ChangeBot.Data.Outbox;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// Delivers the outbox: the head of each channel's queue in turn (so a thread reply never overtakes its
/// announcement), woken by <see cref="OutboxSignal"/> or the poll. Slack's transient failures are retried with
/// backoff; errors that can't heal (<c>channel_not_found</c>, <c>invalid_blocks</c>, …) and entries past
/// <see cref="OutboxOptions.MaxAttempts"/> are kept as dead, logged, and stop holding up their channel.
/// </summary>
public sealed partial class OutboxWorker(
    OutboxStore store,
    SlackOutboxSender sender,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int Batch = 50;

    private static readonly HashSet<string> Transient = ["ratelimited", "timeout", "internal_error", "fatal_error", "service_unavailable", "request_timeout"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken).ConfigureAwait(false) > 0)
                {
                    // Each pass takes one entry per channel; go again while there was work.
                }

                await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must outlive a database hiccup; the next poll tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, e);
                await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Delivers what is due now; returns how many entries were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await store.DueAsync(now, Batch, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        foreach (var entry in due)
        {
            if (!await store.TryClaimAsync(entry.Id, now, now + options.Value.ClaimFor, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (await DeliverAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var attempts = entry.Attempts + 1;
        try
        {
            var result = await sender.SendAsync(entry, cancellationToken).ConfigureAwait(false);
            await store.MarkSentAsync(entry, result.Ts, result.Posted, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SlackApiException e)
        {
            await FailAsync(entry, attempts, e.Message, permanent: !Transient.Contains(e.Error) && !e.Error.StartsWith("http_5", StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
        }
        catch (OutboxNotReadyException e)
        {
            await FailAsync(entry, attempts, e.Message, e.Permanent, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException e)
        {
            await FailAsync(entry, attempts, "the stored payload is not valid JSON: " + e.Message, permanent: true, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task FailAsync(OutboxEntry entry, long attempts, string error, bool permanent, CancellationToken cancellationToken)
    {
        if (permanent || attempts >= options.Value.MaxAttempts)
        {
            LogDead(logger, entry.Id, entry.Method, entry.Channel, attempts, error);
            await store.MarkDeadAsync(entry.Id, attempts, error, cancellationToken).ConfigureAwait(false);
            return;
        }

        // 1 s, 2 s, 4 s … capped at 5 minutes: Slack recovers in seconds, an outage in minutes.
        var backoff = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts - 1)));
        LogRetry(logger, entry.Id, entry.Method, entry.Channel, attempts, error);
        await store.RetryLaterAsync(entry.Id, attempts, clock.GetUtcNow() + backoff, error, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {EntryId} ({Method} to {Channel}) failed on attempt {Attempts}, will retry: {Error}")]
    private static partial void LogRetry(ILogger logger, long entryId, string method, string channel, long attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {EntryId} ({Method} to {Channel}) given up after {Attempts} attempt(s): {Error}")]
    private static partial void LogDead(ILogger logger, long entryId, string method, string channel, long attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox pass failed; trying again at the next poll")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
