using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace ChangeBot.Slack.Routing;

/// <summary>
/// Tells a user, privately, what happened to a request the bot could not finish: through the
/// <c>response_url</c> when there is one, else <c>chat.postEphemeral</c>. Never throws: it is the last resort.
/// </summary>
public sealed class SlackUserNotices(ISlackApiClient slack, ILogger<SlackUserNotices> logger)
{
    public static string SomethingWentWrong(string correlationId) =>
        $"Something went wrong (ref {correlationId}). Nothing was lost; try again, or quote the ref to the ChangeBot admins.";

    /// <summary>
    /// What a user reads when <paramref name="form"/> (e.g. "change form") did not open: "that took too long" when the
    /// trigger id could no longer be used, Slack's error otherwise; then <paramref name="again"/>, how to retry.
    /// </summary>
    public static string FormNotOpened(SlackApiException error, string form, string again)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.IsTriggerUnusable
            ? $"That took too long: Slack only opens a form within 3 seconds of your click or command, so the {form} did not open. {again}"
            : $"The {form} could not be opened (Slack said `{error.Error}`). {again}";
    }

    public const string NoLongerSupported = "This button is no longer supported. Please start again from a fresh message or `/change help`.";

    public async Task TellAsync(SlackRequestContext context, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            if (context.ResponseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                await slack.PostToResponseUrlAsync(uri, new ResponseUrlMessage(new MessageLayout(text)), cancellationToken).ConfigureAwait(false);
            }
            else if (context.ChannelId is { } channel && context.UserId is { } user)
            {
                await slack.PostEphemeralAsync(channel, user, new MessageLayout(text), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                logger.LogWarning("Slack request {SlackRef}: no response_url or channel to tell the user", context.CorrelationId);
            }
        }
        catch (Exception e) when (e is SlackApiException or OperationCanceledException)
        {
            logger.LogWarning(e, "Slack request {SlackRef}: could not tell the user", context.CorrelationId);
        }
    }
}
