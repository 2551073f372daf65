using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>Handles a modal's submit, routed by <c>callback_id</c>; answers errors, update, push, clear or empty (close).</summary>
public interface IViewSubmissionHandler
{
    Task<SlackAck> HandleAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken);
}
