using System.Globalization;
using System.Text;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChangeBot.Slack.Hosting;

/// <summary>
/// The HTTP transport: verify (before anything else) → parse → dispatch → write the ack → start the
/// after-ack work. Every refusal is a 4xx/503 with a short plain-text reason; the body is never logged.
/// </summary>
internal sealed class SlackFrontDoor(
    IOptionsMonitor<SlackOptions> options,
    SlackRequestVerifier verifier,
    SlackDispatcher dispatcher,
    SlackDeferredRunner runner,
    ILogger<SlackFrontDoor> logger)
{
    /// <summary>Slack's payloads are a few KiB; a MiB is generous and bounds what an attacker can make us hash.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const string FormContentType = "application/x-www-form-urlencoded";
    private const string JsonContentType = "application/json";

    public async Task HandleAsync(HttpContext http, SlackInboundKind kind)
    {
        var secret = options.CurrentValue.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            logger.LogWarning("Slack request to {Path} refused: Slack:SigningSecret is not configured", http.Request.Path);
            await RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, "Slack is not configured on this ChangeBot: set Slack:SigningSecret.").ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(http.Request).ConfigureAwait(false);
        if (body is null)
        {
            logger.LogWarning("Slack request to {Path} refused: body over {Max} bytes", http.Request.Path, MaxBodyBytes);
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, $"request body is over {MaxBodyBytes} bytes").ConfigureAwait(false);
            return;
        }

        var verification = verifier.Verify(
            secret,
            http.Request.Headers[SlackRequestVerifier.TimestampHeader].ToString(),
            http.Request.Headers[SlackRequestVerifier.SignatureHeader].ToString(),
            body);
        if (!verification.IsValid)
        {
            logger.LogWarning("Slack request to {Path} rejected: {Reason}", http.Request.Path, verification.Reason);
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, $"not a verified Slack request: {verification.Reason}").ConfigureAwait(false);
            return;
        }

        var (inbound, error) = Parse(http.Request, kind, body);
        if (inbound is null)
        {
            logger.LogWarning("Slack request to {Path} malformed: {Reason}", http.Request.Path, error);
            await RefuseAsync(http, StatusCodes.Status400BadRequest, error!).ConfigureAwait(false);
            return;
        }

        var result = await dispatcher.DispatchAsync(inbound, http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = StatusCodes.Status200OK;
        if (result.Ack.ToJson() is { } ack)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(ack, http.RequestAborted).ConfigureAwait(false);
        }

        // The answer is out before any follow-up starts: slow work can never delay the ack.
        await http.Response.CompleteAsync().ConfigureAwait(false);
        runner.Start(result.Deferred);
    }

    private static (SlackInbound? Inbound, string? Error) Parse(HttpRequest request, SlackInboundKind kind, byte[] body)
    {
        var expected = kind == SlackInboundKind.Event ? JsonContentType : FormContentType;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !string.Equals(contentType.MediaType.Value, expected, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"expected Content-Type {expected}, got '{request.ContentType}'");
        }

        if (kind == SlackInboundKind.Event)
        {
            int? retry = int.TryParse(request.Headers["X-Slack-Retry-Num"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            var parsed = SlackPayloadParser.ParseEvent(body, retry);
            return parsed.IsValid ? (SlackInbound.Event(parsed.Value), null) : (null, parsed.Error);
        }

        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form;
        try
        {
            form = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        }
        catch (InvalidDataException e)
        {
            return (null, $"malformed form body: {e.Message}");
        }

        if (kind == SlackInboundKind.Command)
        {
            var command = SlackPayloadParser.ParseCommand(form);
            return command.IsValid ? (SlackInbound.Command(command.Value), null) : (null, command.Error);
        }

        var interaction = SlackPayloadParser.ParseInteractionForm(form);
        return interaction.IsValid ? (SlackInbound.Interaction(interaction.Value), null) : (null, interaction.Error);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        if (request.ContentLength is { } length)
        {
            // Slack always sends Content-Length: read straight into a buffer of that size.
            var exact = new byte[length];
            var filled = 0;
            int n;
            while (filled < exact.Length && (n = await request.Body.ReadAsync(exact.AsMemory(filled), request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                filled += n;
            }

            return filled == exact.Length ? exact : exact[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task RefuseAsync(HttpContext http, int status, string reason)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(reason, http.RequestAborted);
    }
}
