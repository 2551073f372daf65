using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>Handles a global shortcut (<see cref="ShortcutPayload"/>) or message shortcut (<see cref="MessageActionPayload"/>) by <c>callback_id</c>.</summary>
public interface IShortcutHandler
{
    Task<SlackAck> HandleAsync(InteractionPayload payload, SlackRequestContext context, CancellationToken cancellationToken);
}
