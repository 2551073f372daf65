using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Execution;

/// <summary>
/// Answers the person who pressed a button, privately: a button's ack body is not shown by Slack, so the answer goes
/// to the interaction's <c>response_url</c> (an ephemeral message), or by <c>chat.postEphemeral</c> without one.
/// </summary>
public sealed class PrivateReply(ISlackApiClient slack, SlackUserNotices notices)
{
    public async Task SendAsync(SlackRequestContext context, MessageLayout message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(message);
        if (context.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            await slack.PostToResponseUrlAsync(uri, new ResponseUrlMessage(message), cancellationToken).ConfigureAwait(false);
        }
        else if (context.ChannelId is { } channel && context.UserId is { } user)
        {
            await slack.PostEphemeralAsync(channel, user, message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await notices.TellAsync(context, message.Text, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends <paramref name="message"/> after the ack, so Slack gets its 200 first.</summary>
    public static void After(SlackRequestContext context, MessageLayout message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.After((services, token) => services.GetRequiredService<PrivateReply>().SendAsync(context, message, token));
    }
}
