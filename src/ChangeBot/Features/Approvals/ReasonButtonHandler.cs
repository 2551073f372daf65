using ChangeBot.Domain.Approvals;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Approvals;

/// <summary>
/// Reject and Veto buttons: open the reason modal at once with the trigger id. A veto by someone who is not the EOC
/// is refused before any modal opens, naming who is on call.
/// </summary>
internal sealed class ReasonButtonHandler(ISlackApiClient slack, RoleDirectory roles, SlackUserNotices notices) : IBlockActionHandler
{
    public async Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var isVeto = ChangeActions.TryParse(action.ActionId, ChangeActions.Veto, out var vetoed);
        ChangeActionTarget? rejected = null;
        if (!isVeto && !ChangeActions.TryParse(action.ActionId, ChangeActions.Reject, out rejected))
        {
            return SlackAck.Empty;
        }

        var target = (vetoed ?? rejected)!;

        if (isVeto)
        {
            var actor = await roles.SlackUserAsync(payload.User.Id, cancellationToken).ConfigureAwait(false);
            if (!actor.Actor.Holds(ApproverRole.Eoc))
            {
                var eoc = await roles.MembersAsync(ApproverRole.Eoc, cancellationToken).ConfigureAwait(false);
                var text = $"Only the engineer on call (EOC) can veto {target.Id}, and you don't hold the EOC role right now. On call now: {SlackFormat.People(eoc)}.";
                context.After((_, token) => notices.TellAsync(context, text, token));
                return SlackAck.Empty;
            }
        }

        var request = new ReasonRequest(isVeto ? ReasonRequest.Veto : ReasonRequest.Reject, target.Id.ToString(), target.Revision);
        try
        {
            await slack.OpenViewAsync(payload.TriggerId ?? string.Empty, ReasonModal.Build(request), cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException e)
        {
            context.After((_, token) => notices.TellAsync(context, SlackUserNotices.FormNotOpened(e, "reason form", "Press the button again."), token));
        }

        return SlackAck.Empty;
    }
}
