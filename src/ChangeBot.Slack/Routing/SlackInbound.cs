using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>A parsed, verified request for the dispatcher: its kind and its payload record.</summary>
public sealed record SlackInbound
{
    private SlackInbound(SlackInboundKind kind, object payload)
    {
        Kind = kind;
        Payload = payload;
    }

    public SlackInboundKind Kind { get; }

    /// <summary>A <see cref="SlashCommand"/>, an <see cref="InteractionPayload"/> or an <see cref="EventEnvelope"/>.</summary>
    public object Payload { get; }

    public static SlackInbound Command(SlashCommand command) => new(SlackInboundKind.Command, command ?? throw new ArgumentNullException(nameof(command)));

    public static SlackInbound Interaction(InteractionPayload payload) => new(SlackInboundKind.Interaction, payload ?? throw new ArgumentNullException(nameof(payload)));

    public static SlackInbound Event(EventEnvelope envelope) => new(SlackInboundKind.Event, envelope ?? throw new ArgumentNullException(nameof(envelope)));
}
