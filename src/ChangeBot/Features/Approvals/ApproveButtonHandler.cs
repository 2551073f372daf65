using ChangeBot.Features.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Approvals;

/// <summary>
/// An Approve button: acknowledged at once, decided after the ack; a refusal (own change, missing role, stale
/// revision) or a repeated press is answered privately, a counted approval in the thread.
/// </summary>
internal sealed class ApproveButtonHandler : IBlockActionHandler
{
    public Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (!ChangeActions.TryParse(action.ActionId, ChangeActions.Approve, out var target))
        {
            return Task.FromResult(SlackAck.Empty);
        }

        var user = payload.User.Id;
        context.After(async (services, token) =>
        {
            var approvals = services.GetRequiredService<ChangeApprovals>();
            var actor = await services.GetRequiredService<RoleDirectory>().SlackUserAsync(user, token).ConfigureAwait(false);
            var outcome = await approvals.ApproveAsync(target.Id, actor, target.Revision, target.Detail, token).ConfigureAwait(false);
            var notices = services.GetRequiredService<SlackUserNotices>();
            if (outcome.Refusal is { } refusal)
            {
                await notices.TellAsync(context, refusal, token).ConfigureAwait(false);
            }
            else if (outcome.Value is { AlreadyRecorded: true })
            {
                await notices.TellAsync(context, $"You already approved revision {target.Revision} of {target.Id}; it counts once.", token).ConfigureAwait(false);
            }
        });
        return Task.FromResult(SlackAck.Empty);
    }
}
