using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary><c>/change advance CR-…</c>: the next rollout stage, or the bake after the last one.</summary>
internal sealed class AdvanceSubCommand(ChangeExecution execution) : IChangeSubCommandHandler
{
    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ExecutionSubCommands.TryTarget(request, ExecutionSubCommands.AdvanceUsage, out var id, out _, out var refusal))
        {
            return refusal;
        }

        return ExecutionSubCommands.Answer(await execution.AdvanceAsync(id, request.Command.UserId, null, cancellationToken).ConfigureAwait(false));
    }
}
