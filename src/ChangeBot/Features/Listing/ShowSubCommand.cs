using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Listing;

/// <summary><c>/change show CR-…</c>: the change privately, with the buttons the user may act on.</summary>
internal sealed class ShowSubCommand(ChangeWorkflow workflow, RoleDirectory roles) : IChangeSubCommandHandler
{
    public const string Name = "show";
    public const string Usage = "/change show CR-2026-0001";

    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ChangeCommandText.TryTakeChangeId(request.Arguments, Usage, out var id, out _, out var error))
        {
            return SlackAck.Ephemeral(error);
        }

        if (await workflow.ViewAsync(id, cancellationToken).ConfigureAwait(false) is not { } view)
        {
            return SlackAck.Ephemeral($"There is no change request {id}. `/change list` shows the open ones.");
        }

        var viewer = await roles.SlackUserAsync(request.Command.UserId, cancellationToken).ConfigureAwait(false);
        return SlackAck.Ephemeral(ChangeShowView.Render(view, viewer.Actor));
    }
}
