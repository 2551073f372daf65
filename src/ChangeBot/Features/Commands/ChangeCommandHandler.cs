using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Commands;

/// <summary>
/// The one slash command, <c>/change</c>: picks the sub-command by its first word and hands over to the
/// feature that registered it. No text, <c>help</c>, or an unknown word gets the help.
/// </summary>
internal sealed class ChangeCommandHandler(IEnumerable<ChangeSubCommand> subCommands, ChangeHelp help, IServiceProvider services) : ISlashCommandHandler
{
    public const string Command = "/change";

    public Task<SlackAck> HandleAsync(SlashCommand command, SlackRequestContext context, CancellationToken cancellationToken)
    {
        var text = command.Text.Trim();
        var space = text.IndexOfAny([' ', '\t', '\n']);
        var name = (space < 0 ? text : text[..space]).ToLowerInvariant();
        var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
        if (name.Length == 0)
        {
            return Task.FromResult(help.Ack);
        }

        var match = subCommands.FirstOrDefault(s => s.Name == name);
        if (match is null)
        {
            return Task.FromResult(SlackAck.Ephemeral(ChangeHelpView.Render([.. subCommands], name)));
        }

        var handler = (IChangeSubCommandHandler)services.GetRequiredService(match.HandlerType);
        return handler.HandleAsync(new ChangeCommandRequest(command, name, arguments), context, cancellationToken);
    }
}
