using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>Handles a modal closed by the user (only views with <c>notify_on_close</c>), routed by <c>callback_id</c>.</summary>
public interface IViewClosedHandler
{
    Task<SlackAck> HandleAsync(ViewClosedPayload payload, SlackRequestContext context, CancellationToken cancellationToken);
}
