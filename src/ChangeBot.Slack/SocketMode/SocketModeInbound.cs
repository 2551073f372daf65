using System.Text.Json;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using Microsoft.Extensions.Primitives;

namespace ChangeBot.Slack.SocketMode;

/// <summary>
/// Turns an envelope's payload into the same <see cref="SlackInbound"/> the HTTP endpoints build, through the same
/// parser: a slash command's payload is its form fields as a JSON object, an interaction's is the interaction JSON, an
/// event's is the Events API body.
/// </summary>
public static class SocketModeInbound
{
    public static (SlackInbound? Inbound, string? Error) From(SocketModeFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Payload is not { } payload)
        {
            return (null, $"{frame.Type} envelope without a payload");
        }

        switch (frame.Type)
        {
            case SocketModeFrame.SlashCommands:
                var form = new Dictionary<string, StringValues>(StringComparer.Ordinal);
                foreach (var field in payload.EnumerateObject())
                {
                    form[field.Name] = field.Value.ValueKind switch
                    {
                        JsonValueKind.String => field.Value.GetString(),
                        JsonValueKind.Null => StringValues.Empty,
                        _ => field.Value.GetRawText(),
                    };
                }

                var command = SlackPayloadParser.ParseCommand(form);
                return command.IsValid ? (SlackInbound.Command(command.Value), null) : (null, command.Error);
            case SocketModeFrame.Interactive:
                var interaction = SlackPayloadParser.ParseInteraction(payload.GetRawText());
                return interaction.IsValid ? (SlackInbound.Interaction(interaction.Value), null) : (null, interaction.Error);
            case SocketModeFrame.EventsApi:
                var parsed = SlackPayloadParser.ParseEvent(JsonSerializer.SerializeToUtf8Bytes(payload), frame.RetryAttempt);
                return parsed.IsValid ? (SlackInbound.Event(parsed.Value), null) : (null, parsed.Error);
            default:
                return (null, $"unsupported envelope type '{frame.Type}'");
        }
    }

    public static SlackInboundKind? KindOf(string envelopeType) => envelopeType switch
    {
        SocketModeFrame.SlashCommands => SlackInboundKind.Command,
        SocketModeFrame.Interactive => SlackInboundKind.Interaction,
        SocketModeFrame.EventsApi => SlackInboundKind.Event,
        _ => null,
    };
}
