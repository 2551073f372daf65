using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace ChangeBot.Slack.Payloads;

/// <summary>
/// Turns Slack's wire formats into payload records. Transport-independent: the HTTP endpoints feed it
/// form fields and JSON bodies, Socket Mode can feed it the same JSON.
/// </summary>
public static class SlackPayloadParser
{
    private static readonly string[] RequiredCommandFields = ["command", "user_id", "team_id", "channel_id"];

    private static SlackParseResult<T> Fail<T>(string error)
        where T : class => new(null, error);

    public static SlackParseResult<SlashCommand> ParseCommand(IReadOnlyDictionary<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? Field(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;

        var missing = RequiredCommandFields.Where(name => Field(name) is null).ToList();
        if (missing.Count > 0)
        {
            return new SlackParseResult<SlashCommand>(null, $"slash command is missing {string.Join(", ", missing)}");
        }

        return new SlackParseResult<SlashCommand>(new SlashCommand
        {
            Command = Field("command")!,
            Text = Field("text") ?? "",
            UserId = Field("user_id")!,
            UserName = Field("user_name"),
            TeamId = Field("team_id")!,
            TeamDomain = Field("team_domain"),
            EnterpriseId = Field("enterprise_id"),
            IsEnterpriseInstall = string.Equals(Field("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase),
            ChannelId = Field("channel_id")!,
            ChannelName = Field("channel_name"),
            ApiAppId = Field("api_app_id"),
            ResponseUrl = Field("response_url"),
            TriggerId = Field("trigger_id"),
        }, null);
    }

    /// <summary>The interactivity form: one field, <c>payload</c>, holding JSON.</summary>
    public static SlackParseResult<InteractionPayload> ParseInteractionForm(IReadOnlyDictionary<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.TryGetValue("payload", out var payload) && !StringValues.IsNullOrEmpty(payload)
            ? ParseInteraction(payload.ToString())
            : Fail<InteractionPayload>("interaction is missing the payload field");
    }

    public static SlackParseResult<InteractionPayload> ParseInteraction(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return Fail<InteractionPayload>("interaction payload has no type");
            }

            InteractionPayload? payload = type.GetString() switch
            {
                InteractionTypes.BlockActions => document.Deserialize<BlockActionsPayload>(SlackJson.Options),
                InteractionTypes.ViewSubmission => document.Deserialize<ViewSubmissionPayload>(SlackJson.Options),
                InteractionTypes.ViewClosed => document.Deserialize<ViewClosedPayload>(SlackJson.Options),
                InteractionTypes.Shortcut => document.Deserialize<ShortcutPayload>(SlackJson.Options),
                InteractionTypes.MessageAction => document.Deserialize<MessageActionPayload>(SlackJson.Options),
                InteractionTypes.BlockSuggestion => document.Deserialize<BlockSuggestionPayload>(SlackJson.Options),
                var other => throw new JsonException($"unsupported interaction type '{other}'"),
            };
            return payload is null
                ? Fail<InteractionPayload>("interaction payload is null")
                : new SlackParseResult<InteractionPayload>(payload, null);
        }
        catch (JsonException e)
        {
            return Fail<InteractionPayload>($"malformed interaction payload: {Describe(e)}");
        }
    }

    public static SlackParseResult<EventEnvelope> ParseEvent(ReadOnlySpan<byte> json, int? retryNum = null)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<EventEnvelope>(json, SlackJson.Options);
            if (envelope is null)
            {
                return Fail<EventEnvelope>("event body is null");
            }

            return envelope.Type switch
            {
                EventEnvelope.UrlVerification when string.IsNullOrEmpty(envelope.Challenge) =>
                    Fail<EventEnvelope>("url_verification without a challenge"),
                EventEnvelope.EventCallback when string.IsNullOrEmpty(envelope.EventId) =>
                    Fail<EventEnvelope>("event_callback without an event_id"),
                EventEnvelope.EventCallback when envelope.Event is null =>
                    Fail<EventEnvelope>("event_callback without an event"),
                EventEnvelope.UrlVerification or EventEnvelope.EventCallback =>
                    new SlackParseResult<EventEnvelope>(envelope with { RetryNum = retryNum }, null),
                _ => Fail<EventEnvelope>($"unsupported event envelope type '{envelope.Type}'"),
            };
        }
        catch (JsonException e)
        {
            return Fail<EventEnvelope>($"malformed event body: {Describe(e)}");
        }
    }

    // The serializer's own message names our CLR types; Slack (and our log) only need the JSON path and the gist.
    private static string Describe(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"{FirstSentence(e.Message)} (at {path})" : FirstSentence(e.Message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
