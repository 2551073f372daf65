using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Intake;

/// <summary><c>/change edit CR-…</c>: opens the intake modal pre-filled with the CR's current revision.</summary>
internal sealed class EditChangeSubCommand(IntakeModalOpener opener) : IChangeSubCommandHandler
{
    public const string Name = "edit";

    public Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return opener.OpenEditAsync(request.Command.TriggerId, request.Arguments, request.Command.ChannelId, cancellationToken);
    }
}
