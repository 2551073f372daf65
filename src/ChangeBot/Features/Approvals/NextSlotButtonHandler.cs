using System.Globalization;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Intake;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Approvals;

/// <summary>
/// "Move to the next allowed start": edits the planned start to the time admission proposed, which makes a new
/// revision (its approvals are asked for again, as for any edit).
/// </summary>
internal sealed class NextSlotButtonHandler : IBlockActionHandler
{
    public Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (!ChangeActions.TryParse(action.ActionId, ChangeActions.TakeNextSlot, out var target)
            || !long.TryParse(target.Detail, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return Task.FromResult(SlackAck.Empty);
        }

        var start = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var user = payload.User.Id;
        context.After(async (services, token) =>
        {
            var actor = await services.GetRequiredService<RoleDirectory>().SlackUserAsync(user, token).ConfigureAwait(false);
            var outcome = await services.GetRequiredService<ChangeEditing>().EditAsync(
                target.Id,
                actor,
                target.Revision,
                change => change.Content with { PlannedStart = start },
                $"moved to the next allowed start, {SlackFormat.When(start)}",
                token).ConfigureAwait(false);
            if (outcome.Refusal is { } refusal)
            {
                await services.GetRequiredService<SlackUserNotices>().TellAsync(context, refusal, token).ConfigureAwait(false);
            }
        });
        return Task.FromResult(SlackAck.Empty);
    }
}
