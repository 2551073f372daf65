using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary><c>/change rollback CR-… &lt;reason&gt;</c>: records the rollback and announces it.</summary>
internal sealed class RollbackSubCommand(ChangeExecution execution) : IChangeSubCommandHandler
{
    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ExecutionSubCommands.TryTarget(request, ExecutionSubCommands.RollbackUsage, out var id, out var reason, out var refusal))
        {
            return refusal;
        }

        if (reason.Length == 0)
        {
            return SlackAck.Ephemeral($"Say why {id} is rolled back: `{ExecutionSubCommands.RollbackUsage}`.");
        }

        return ExecutionSubCommands.Answer(await execution.RollbackAsync(id, request.Command.UserId, reason, null, cancellationToken).ConfigureAwait(false));
    }
}
