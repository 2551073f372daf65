using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>Handles an Events API event by type. It runs after Slack got its 200, once per <c>event_id</c>.</summary>
public interface ISlackEventListener
{
    Task HandleAsync(EventEnvelope envelope, SlackEvent slackEvent, SlackRequestContext context, CancellationToken cancellationToken);
}
