using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeBot.Data.Outbox;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// One delivery round: the head of each channel's queue is claimed, addressed (thread parent's ts, the ts of the
/// message an update edits), sent, and recorded as sent, retried with backoff, or dead-lettered. A post whose message
/// key already has a ts becomes an update of that message, so a retried announcement never appears twice.
/// </summary>
internal sealed class OutboxDelivery(
    OutboxStore outbox,
    ISlackOutboxSender sender,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    OutboxMetrics metrics,
    ILogger<OutboxDelivery> logger)
{
    private const int BatchSize = 100;

    /// <summary>Delivers what is due now; returns how many entries it settled (sent or dead) this round.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settled = 0;
        foreach (var entry in await outbox.DueAsync(clock.GetUtcNow(), BatchSize, cancellationToken))
        {
            var now = clock.GetUtcNow();
            if (!await outbox.TryClaimAsync(entry.Id, now, now + options.Value.Lease, cancellationToken))
            {
                continue;
            }

            if (await DeliverAsync(entry, cancellationToken))
            {
                settled++;
            }
        }

        return settled;
    }

    private async Task<bool> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        if (JsonNode.Parse(entry.Payload) is not JsonObject payload)
        {
            return await DeadAsync(entry, entry.Attempts + 1, "the payload is not a JSON object", cancellationToken);
        }

        var method = entry.Method;
        if (method.StartsWith("chat.", StringComparison.Ordinal))
        {
            payload["channel"] ??= entry.Channel;
        }

        if (entry.ThreadKey is not null)
        {
            var parent = await outbox.FindMessageAsync(entry.ThreadKey, cancellationToken);
            if (parent is null)
            {
                return await WaitForOrGiveUpAsync(entry, entry.ThreadKey, "the thread's parent message", cancellationToken);
            }

            payload["thread_ts"] = parent.Ts;
        }

        if (entry.MessageKey is not null)
        {
            var existing = await outbox.FindMessageAsync(entry.MessageKey, cancellationToken);
            if (existing is null && method == OutboxMessage.UpdateMessage)
            {
                return await WaitForOrGiveUpAsync(entry, entry.MessageKey, "the message to update", cancellationToken);
            }

            if (existing is not null && method is OutboxMessage.PostMessage or OutboxMessage.UpdateMessage)
            {
                // Already posted (a retry after the post went through, or a second announcement): edit it instead.
                method = OutboxMessage.UpdateMessage;
                payload["channel"] = existing.Channel;
                payload["ts"] = existing.Ts;
                payload.Remove("thread_ts");
                payload.Remove("reply_broadcast");
            }
        }

        var result = await sender.SendAsync(method, payload.ToJsonString(), cancellationToken);
        var now = clock.GetUtcNow();
        switch (result.Outcome)
        {
            case SlackSendOutcome.Delivered:
                var posted = method == OutboxMessage.PostMessage && entry.MessageKey is not null && result.Ts is not null
                    ? new SlackMessageRecord(entry.MessageKey, entry.Channel, result.Ts)
                    : null;
                await outbox.MarkSentAsync(entry, result.Ts, posted, now, cancellationToken);
                metrics.Delivered.Add(1);
                return true;

            case SlackSendOutcome.RateLimited:
                // Slack asked us to wait; it is not the message's fault, so it costs no attempt.
                await outbox.RetryLaterAsync(entry.Id, entry.Attempts, now + (result.RetryAfter ?? options.Value.RetryDelay), "rate limited by Slack", cancellationToken);
                metrics.Retried.Add(1);
                return false;

            case SlackSendOutcome.Permanent:
                return await DeadAsync(entry, entry.Attempts + 1, result.Error ?? "permanent error", cancellationToken);

            default:
                var attempts = entry.Attempts + 1;
                if (attempts >= options.Value.MaxAttempts)
                {
                    return await DeadAsync(entry, attempts, $"{result.Error} (gave up after {attempts} attempts)", cancellationToken);
                }

                var delay = Backoff(attempts);
                logger.LogWarning(
                    "Outbox entry {Id} ({Method} to {Channel}) failed: {Error}; attempt {Attempts} of {Max}, retrying in {Delay}",
                    entry.Id,
                    method,
                    entry.Channel,
                    result.Error,
                    attempts,
                    options.Value.MaxAttempts,
                    delay);
                await outbox.RetryLaterAsync(entry.Id, attempts, now + delay, result.Error ?? "transient error", cancellationToken);
                metrics.Retried.Add(1);
                return false;
        }
    }

    /// <summary>Waits while a pending post will create <paramref name="key"/>; gives up if nothing will.</summary>
    private async Task<bool> WaitForOrGiveUpAsync(OutboxEntry entry, string key, string what, CancellationToken cancellationToken)
    {
        if (await outbox.IsPostPendingAsync(key, cancellationToken))
        {
            await outbox.RetryLaterAsync(entry.Id, entry.Attempts, clock.GetUtcNow() + options.Value.PollInterval, $"waiting for {what} ({key}) to be posted", cancellationToken);
            return false;
        }

        return await DeadAsync(entry, entry.Attempts, $"{what} ({key}) was never posted", cancellationToken);
    }

    private async Task<bool> DeadAsync(OutboxEntry entry, long attempts, string error, CancellationToken cancellationToken)
    {
        await outbox.MarkDeadAsync(entry.Id, attempts, error, cancellationToken);
        metrics.DeadLettered.Add(1);
        logger.LogError(
            "Outbox entry {Id} ({Method} to {Channel}, key {MessageKey}) is dead-lettered after {Attempts} attempt(s): {Error}. Payload kept: {Payload}",
            entry.Id,
            entry.Method,
            entry.Channel,
            entry.MessageKey,
            attempts,
            error,
            entry.Payload);
        return true;
    }

    private TimeSpan Backoff(long attempts)
    {
        var delay = options.Value.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }
}
