using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>Handles a button click or select change, routed by <c>action_id</c> (exact or prefix).</summary>
public interface IBlockActionHandler
{
    Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken);
}
