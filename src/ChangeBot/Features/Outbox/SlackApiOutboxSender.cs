using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeBot.Slack;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// The outbox's sender port over the Slack adapter's typed client, so outbox deliveries get the adapter's retry rules,
/// base URL (<c>Slack:ApiBaseUrl</c>) and token handling. The payload is the body Slack takes; its blocks are sent
/// as they were rendered when the use case ran.
/// </summary>
internal sealed class SlackApiOutboxSender(ISlackApiClient slack, IOptions<SlackOptions> options) : ISlackOutboxSender
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.BotToken);

    public async Task<SlackSendResult> SendAsync(string method, string payloadJson, CancellationToken cancellationToken)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(payloadJson) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return new SlackSendResult(SlackSendOutcome.Permanent, Error: "the payload is not a JSON object");
        }

        var layout = OutboxPayload.Read(payloadJson);
        string? Str(string name) => body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        try
        {
            switch (method)
            {
                case "chat.postMessage":
                    var posted = await slack.PostMessageAsync(Str("channel") ?? string.Empty, layout, Str("thread_ts"), cancellationToken: cancellationToken).ConfigureAwait(false);
                    return SlackSendResult.Delivered(posted.Ts);
                case "chat.update":
                    var updated = await slack.UpdateMessageAsync(Str("channel") ?? string.Empty, Str("ts") ?? string.Empty, layout, cancellationToken).ConfigureAwait(false);
                    return SlackSendResult.Delivered(updated.Ts);
                case "chat.postEphemeral":
                    var ts = await slack.PostEphemeralAsync(Str("channel") ?? string.Empty, Str("user") ?? string.Empty, layout, cancellationToken).ConfigureAwait(false);
                    return SlackSendResult.Delivered(ts);
                case "views.publish":
                    await slack.PublishHomeAsync(Str("user_id") ?? Str("channel") ?? string.Empty, new HomeView(layout.Blocks), cancellationToken: cancellationToken).ConfigureAwait(false);
                    return SlackSendResult.Delivered(null);
                default:
                    return new SlackSendResult(SlackSendOutcome.Permanent, Error: $"the outbox does not deliver {method}");
            }
        }
        catch (SlackApiException e)
        {
            // The client has already waited out 429s and retried 5xx within its bound; what is left is the outbox's to retry,
            // after the wait Slack asked for last.
            return e.Error == SlackApiClient.Ratelimited ? SlackSendResult.RateLimited(e.RetryAfter ?? TimeSpan.FromSeconds(30)) : SlackSendResult.Failed(e.Error);
        }
    }
}
