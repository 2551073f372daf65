using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary><c>/change complete CR-…</c>: closes a change after its bake with a summary; a C1/C2 opens the handoff note at once.</summary>
internal sealed class CompleteSubCommand(ChangeExecution execution, HandoffOffer handoff) : IChangeSubCommandHandler
{
    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ExecutionSubCommands.TryTarget(request, ExecutionSubCommands.CompleteUsage, out var id, out _, out var refusal))
        {
            return refusal;
        }

        var outcome = await execution.CompleteAsync(id, request.Command.UserId, null, cancellationToken).ConfigureAwait(false);
        if (outcome is { Succeeded: true, Value.OffersHandoff: true })
        {
            return SlackAck.Ephemeral(await handoff.OpenOrOfferAsync(id, request.Command.TriggerId, outcome.Value.Message, cancellationToken).ConfigureAwait(false));
        }

        return ExecutionSubCommands.Answer(outcome);
    }
}
