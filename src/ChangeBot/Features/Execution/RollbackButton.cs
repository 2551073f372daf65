using ChangeBot.Data;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Execution;

/// <summary>The Rollback button: asks for the reason in a small modal (opened at once, while the trigger id is fresh).</summary>
internal sealed class RollbackButton(ChangeBotStore store, ISlackApiClient slack) : IBlockActionHandler
{
    public async Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ChangeActions.TryParse(action.ActionId, ChangeActions.Rollback, out var target) || payload.TriggerId is not { } trigger)
        {
            PrivateReply.After(context, new MessageLayout(SlackUserNotices.NoLongerSupported));
            return SlackAck.Empty;
        }

        var stored = await store.GetAsync(target.Id, cancellationToken).ConfigureAwait(false);
        try
        {
            await slack.OpenViewAsync(trigger, RollbackModal.Render(target.Id, target.Revision, stored?.Change.Title ?? string.Empty), cancellationToken).ConfigureAwait(false);
        }
        catch (SlackApiException e)
        {
            PrivateReply.After(context, new MessageLayout(SlackUserNotices.FormNotOpened(e, "rollback form", $"Press the button again, or type `/change rollback {target.Id} <reason>`.")));
        }

        return SlackAck.Empty;
    }
}
