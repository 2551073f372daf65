using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>Handles one slash command. Return the ack fast; schedule slow work with <see cref="SlackRequestContext.After"/>.</summary>
public interface ISlashCommandHandler
{
    Task<SlackAck> HandleAsync(SlashCommand command, SlackRequestContext context, CancellationToken cancellationToken);
}
