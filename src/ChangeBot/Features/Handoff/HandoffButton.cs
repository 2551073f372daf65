using ChangeBot.Data;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Execution;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Handoff;

/// <summary>"Write the handoff note" (in the CR message, the thread or an ephemeral offer): opens the modal at once.</summary>
internal sealed class HandoffButton(ChangeBotStore store, HandoffNotes notes) : IBlockActionHandler
{
    public async Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ChangeActions.TryParse(action.ActionId, ChangeActions.Handoff, out var target))
        {
            return SlackAck.Empty;
        }

        var stored = await store.GetAsync(target.Id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            PrivateReply.After(context, new MessageLayout($"There is no change request {target.Id}."));
        }
        else if (!await notes.OpenAsync(payload.TriggerId, stored.Change, cancellationToken).ConfigureAwait(false))
        {
            PrivateReply.After(context, new MessageLayout($"Slack didn't let ChangeBot open the handoff form in time. Try the button again, or type `/change handoff {target.Id}`."));
        }

        return SlackAck.Empty;
    }
}
