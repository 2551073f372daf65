using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Intake;

/// <summary><c>/change new [title]</c>: opens the intake modal at once, the title pre-filled.</summary>
internal sealed class NewChangeSubCommand(IntakeModalOpener opener) : IChangeSubCommandHandler
{
    public const string Name = "new";

    public Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var title = request.Arguments.Length == 0 ? null : request.Arguments;
        return opener.OpenNewAsync(request.Command.TriggerId, title, request.Command.ChannelId, cancellationToken);
    }
}
