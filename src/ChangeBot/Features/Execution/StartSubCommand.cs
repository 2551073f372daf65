using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary><c>/change start CR-…</c>: the executor starts the rollout, if admission allows it now.</summary>
internal sealed class StartSubCommand(ChangeExecution execution) : IChangeSubCommandHandler
{
    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ExecutionSubCommands.TryTarget(request, ExecutionSubCommands.StartUsage, out var id, out _, out var refusal))
        {
            return refusal;
        }

        return ExecutionSubCommands.Answer(await execution.StartAsync(id, request.Command.UserId, null, cancellationToken).ConfigureAwait(false));
    }
}
