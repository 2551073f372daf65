using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Commands;

/// <summary>Handles one <c>/change</c> sub-command. Same rules as any Slack handler: ack fast, slow work after.</summary>
public interface IChangeSubCommandHandler
{
    Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken);
}
