using ChangeBot.Data.Outbox;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// Delivers one outbox entry over <see cref="ISlackApiClient"/>: a post (in the thread of the message named by its
/// thread key), an update of the message named by its message key, an ephemeral message or a Home view. Returns
/// what to remember, or throws <see cref="SlackApiException"/> / <see cref="OutboxNotReadyException"/>.
/// </summary>
public sealed class SlackOutboxSender(ISlackApiClient slack, OutboxStore store)
{
    public async Task<OutboxDelivery> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        switch (entry.Method)
        {
            case OutboxMessage.PostMessage:
            {
                string? threadTs = null;
                if (entry.ThreadKey is { } threadKey)
                {
                    threadTs = (await FindAsync(threadKey, cancellationToken).ConfigureAwait(false)).Ts;
                }

                var posted = await slack.PostMessageAsync(entry.Channel, OutboxPayload.Read(entry.Payload), threadTs, cancellationToken: cancellationToken).ConfigureAwait(false);
                var remembered = entry.MessageKey is { } key ? new SlackMessageRecord(key, posted.Channel, posted.Ts) : null;
                return new OutboxDelivery(posted.Ts, remembered);
            }

            case OutboxMessage.UpdateMessage:
            {
                var target = await FindAsync(entry.MessageKey ?? throw new OutboxNotReadyException("an update names no message key", permanent: true), cancellationToken).ConfigureAwait(false);
                var updated = await slack.UpdateMessageAsync(target.Channel, target.Ts, OutboxPayload.Read(entry.Payload), cancellationToken).ConfigureAwait(false);
                return new OutboxDelivery(updated.Ts, null);
            }

            case OutboxMessage.PostEphemeral:
            {
                // The channel orders delivery; the user is in the payload, beside the message.
                var layout = OutboxPayload.Read(entry.Payload);
                var user = OutboxPayload.User(entry.Payload) ?? throw new OutboxNotReadyException("an ephemeral message names no user", permanent: true);
                var ts = await slack.PostEphemeralAsync(entry.Channel, user, layout, cancellationToken).ConfigureAwait(false);
                return new OutboxDelivery(ts, null);
            }

            case OutboxMessage.PublishView:
            {
                var layout = OutboxPayload.Read(entry.Payload);
                await slack.PublishHomeAsync(entry.Channel, new HomeView(layout.Blocks), cancellationToken: cancellationToken).ConfigureAwait(false);
                return new OutboxDelivery(null, null);
            }

            default:
                throw new OutboxNotReadyException($"ChangeBot does not know how to deliver {entry.Method}", permanent: true);
        }
    }

    private async Task<SlackMessageRecord> FindAsync(string messageKey, CancellationToken cancellationToken)
    {
        if (await store.FindMessageAsync(messageKey, cancellationToken).ConfigureAwait(false) is { } found)
        {
            return found;
        }

        // The message it belongs to is queued in another channel, or failed for now: wait for it; if it will never be
        // posted, a post or update here can't land where it belongs.
        var pending = await store.IsPostPendingAsync(messageKey, cancellationToken).ConfigureAwait(false);
        throw new OutboxNotReadyException($"the message {messageKey} has not been posted{(pending ? " yet" : " and is not queued")}", permanent: !pending);
    }
}
