using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary><c>/change retro CR-… &lt;link&gt;</c>: links the retrospective an emergency change owes.</summary>
internal sealed class RetroSubCommand(ChangeExecution execution) : IChangeSubCommandHandler
{
    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ExecutionSubCommands.TryTarget(request, ExecutionSubCommands.RetroUsage, out var id, out var link, out var refusal))
        {
            return refusal;
        }

        if (link.Length == 0)
        {
            return SlackAck.Ephemeral($"Add the retrospective's link: `{ExecutionSubCommands.RetroUsage}`.");
        }

        // Slack wraps links it recognises in <…>; the link is what is inside.
        var bare = link.Trim().TrimStart('<').TrimEnd('>').Split('|')[0];
        return ExecutionSubCommands.Answer(await execution.RecordRetrospectiveAsync(id, request.Command.UserId, bare, cancellationToken).ConfigureAwait(false));
    }
}
