using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Commands;

/// <summary><c>/change help</c>: the list of sub-commands, built from what the features registered.</summary>
internal sealed class HelpSubCommand(ChangeHelp help) : IChangeSubCommandHandler
{
    public const string Name = "help";

    public Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult(help.Ack);
}
