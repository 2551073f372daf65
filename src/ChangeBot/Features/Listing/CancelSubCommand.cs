using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Listing;

/// <summary><c>/change cancel CR-… &lt;reason&gt;</c>: withdraws a change that has not started; said in its thread.</summary>
internal sealed class CancelSubCommand(ChangeWorkflow workflow) : IChangeSubCommandHandler
{
    public const string Name = "cancel";
    public const string Usage = "/change cancel CR-2026-0001 superseded by CR-2026-0002";

    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ChangeCommandText.TryTakeChangeId(request.Arguments, Usage, out var id, out var reason, out var error))
        {
            return SlackAck.Ephemeral(error);
        }

        if (reason.Length == 0)
        {
            return SlackAck.Ephemeral($"Say why {id} is cancelled: `{Usage}`.");
        }

        var outcome = await workflow.RunAsSlackUserAsync(
            id,
            request.Command.UserId,
            null,
            scope =>
            {
                scope.Change.Cancel(scope.Actor.Actor, reason, scope.Now);
                scope.Record("change.cancelled", $"🚫 {id} was cancelled by {SlackFormat.Person(scope.Actor.UserId)}: {reason}", new { reason });
                return $"{id} is cancelled; its thread says why.";
            },
            cancellationToken).ConfigureAwait(false);
        return SlackAck.Ephemeral(outcome.Succeeded ? outcome.Value! : outcome.Refusal!);
    }
}
