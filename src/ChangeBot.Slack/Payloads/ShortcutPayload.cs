namespace ChangeBot.Slack.Payloads;

/// <summary><c>shortcut</c>: a global shortcut, routed by <see cref="CallbackId"/>.</summary>
public sealed record ShortcutPayload : InteractionPayload
{
    public required string CallbackId { get; init; }
}
