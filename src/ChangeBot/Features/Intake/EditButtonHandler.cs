using ChangeBot.Features.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Intake;

/// <summary>The Edit button on a CR message: the intake modal pre-filled, like <c>/change edit</c>.</summary>
internal sealed class EditButtonHandler(IntakeModalOpener opener, SlackUserNotices notices) : IBlockActionHandler
{
    public async Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        if (!ChangeActions.TryParse(action.ActionId, ChangeActions.Edit, out var target))
        {
            return SlackAck.Empty;
        }

        var ack = await opener.OpenEditAsync(payload.TriggerId, target.Id.ToString(), payload.Channel?.Id, cancellationToken).ConfigureAwait(false);
        if (ack.Body?["text"]?.GetValue<string>() is { } refusal)
        {
            // A button's ack body is not shown; say it privately instead.
            context.After((_, token) => notices.TellAsync(context, refusal, token));
        }

        return SlackAck.Empty;
    }
}
