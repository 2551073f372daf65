using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Home;

/// <summary>Publishes the user's Home view each time they open the Home tab; publishing is idempotent.</summary>
internal sealed class HomeOpenedListener(HomeDashboard dashboard, ISlackApiClient slack) : ISlackEventListener
{
    public const string EventType = "app_home_opened";

    public async Task HandleAsync(EventEnvelope envelope, SlackEvent slackEvent, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (slackEvent.Tab != "home" || slackEvent.User is null)
        {
            return;
        }

        var home = await dashboard.ForAsync(slackEvent.User, cancellationToken).ConfigureAwait(false);
        await slack.PublishHomeAsync(slackEvent.User, HomeTabView.Render(home), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
