using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Home;

/// <summary>Publishes the Home view each time a user opens the Home tab; publishing is idempotent.</summary>
internal sealed class HomeOpenedListener(ISlackApiClient slack) : ISlackEventListener
{
    public const string EventType = "app_home_opened";

    public async Task HandleAsync(EventEnvelope envelope, SlackEvent slackEvent, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (slackEvent.Tab != "home" || slackEvent.User is null)
        {
            return;
        }

        await slack.PublishHomeAsync(slackEvent.User, HomePlaceholderView.Render(), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
