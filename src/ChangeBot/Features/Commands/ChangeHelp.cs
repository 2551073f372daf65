using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Commands;

/// <summary>
/// The help ack, rendered once: sub-commands are registered at start-up and never change, and help is the
/// answer Slack sees most (every bare <c>/change</c>).
/// </summary>
internal sealed class ChangeHelp(IEnumerable<ChangeSubCommand> subCommands)
{
    private readonly Lazy<SlackAck> _ack = new(() => SlackAck.Ephemeral(ChangeHelpView.Render([.. subCommands], unknown: null)));

    public SlackAck Ack => _ack.Value;
}
