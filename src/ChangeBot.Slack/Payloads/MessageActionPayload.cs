namespace ChangeBot.Slack.Payloads;

/// <summary><c>message_action</c>: a message shortcut, routed by <see cref="CallbackId"/>.</summary>
public sealed record MessageActionPayload : InteractionPayload
{
    public required string CallbackId { get; init; }

    public SlackChannel? Channel { get; init; }

    public SlackMessage? Message { get; init; }
}
