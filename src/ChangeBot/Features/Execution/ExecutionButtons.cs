using ChangeBot.Features.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary>
/// The Start, Advance and Complete buttons of a CR message: the same use cases as the sub-commands, for the revision
/// the button was rendered for; the answer goes privately to whoever pressed it.
/// </summary>
internal sealed class ExecutionButtons(ChangeExecution execution, HandoffOffer handoff) : IBlockActionHandler
{
    public async Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        var user = payload.User.Id;
        ChangeOutcome<ExecutionReply> outcome;
        if (ChangeActions.TryParse(action.ActionId, ChangeActions.Start, out var target))
        {
            outcome = await execution.StartAsync(target.Id, user, target.Revision, cancellationToken).ConfigureAwait(false);
        }
        else if (ChangeActions.TryParse(action.ActionId, ChangeActions.Advance, out target))
        {
            outcome = await execution.AdvanceAsync(target.Id, user, target.Revision, cancellationToken).ConfigureAwait(false);
        }
        else if (ChangeActions.TryParse(action.ActionId, ChangeActions.Complete, out target))
        {
            outcome = await execution.CompleteAsync(target.Id, user, target.Revision, cancellationToken).ConfigureAwait(false);
            if (outcome is { Succeeded: true, Value.OffersHandoff: true })
            {
                PrivateReply.After(context, await handoff.OpenOrOfferAsync(target.Id, payload.TriggerId, outcome.Value.Message, cancellationToken).ConfigureAwait(false));
                return SlackAck.Empty;
            }
        }
        else
        {
            PrivateReply.After(context, new Slack.BlockKit.MessageLayout(SlackUserNotices.NoLongerSupported));
            return SlackAck.Empty;
        }

        PrivateReply.After(context, outcome.Succeeded ? outcome.Value!.Message : new Slack.BlockKit.MessageLayout(outcome.Refusal!));
        return SlackAck.Empty;
    }
}
