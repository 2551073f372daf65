using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Locks;

/// <summary>The Approve/Deny buttons of an exception request.</summary>
internal sealed class ExceptionDecisionHandler(LockExceptions exceptions) : IBlockActionHandler
{
    public async Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        if (ExceptionRequest.FromJson(action.Value) is not { } request)
        {
            return SlackAck.Ephemeral("This button carries no exception request ChangeBot can read; ask for the exception again.");
        }

        var outcome = await exceptions.DecideAsync(request, action.ActionId == ExceptionMessages.ApproveAction, payload.User.Id, cancellationToken).ConfigureAwait(false);
        return SlackAck.Ephemeral(outcome.Message);
    }
}
