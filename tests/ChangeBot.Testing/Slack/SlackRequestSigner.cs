using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChangeBot.Testing.Slack;

/// <summary>
/// Builds inbound requests exactly as Slack sends them: the body (form or JSON) and the v0 signature over
/// <c>v0:{timestamp}:{body}</c> in <c>X-Slack-Signature</c>, with <c>X-Slack-Request-Timestamp</c>.
/// </summary>
public sealed class SlackRequestSigner(string signingSecret, TimeProvider time)
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";
    public const string EventsPath = "/slack/events";

    /// <summary>Slack's signature for a body at a timestamp.</summary>
    public static string Signature(string secret, long timestamp, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var basestring = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexString(hmac.ComputeHash(basestring)).ToLowerInvariant();
    }

    /// <summary>The form fields Slack posts for a slash command, with <paramref name="overrides"/> applied (a null value removes the field).</summary>
    public static Dictionary<string, string?> CommandFields(string text, string command = "/change", IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var fields = new Dictionary<string, string?>
        {
            ["token"] = "deprecated-verification-token",
            ["team_id"] = SlackStandIn.TeamId,
            ["team_domain"] = "standin",
            ["channel_id"] = "C0CHANGE",
            ["channel_name"] = "change",
            ["user_id"] = "U0ALICE",
            ["user_name"] = "alice",
            ["command"] = command,
            ["text"] = text,
            ["api_app_id"] = "A0CHANGEBOT",
            ["is_enterprise_install"] = "false",
            ["response_url"] = "https://hooks.slack.com/commands/T0STANDIN/1/abc",
            ["trigger_id"] = "1.T0STANDIN.trigger",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            fields[key] = value;
        }

        return fields;
    }

    public static byte[] Form(IEnumerable<KeyValuePair<string, string?>> fields) =>
        Encoding.UTF8.GetBytes(string.Join("&", fields.Where(f => f.Value is not null).Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value!)}")));

    public HttpRequestMessage Command(string text, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Sign(CommandsPath, Form(CommandFields(text, overrides: overrides)), "application/x-www-form-urlencoded");

    public HttpRequestMessage Interaction(string payloadJson) =>
        Sign(InteractionsPath, Form([new("payload", payloadJson)]), "application/x-www-form-urlencoded");

    public HttpRequestMessage Event(string json, int? retryNum = null)
    {
        var request = Sign(EventsPath, Encoding.UTF8.GetBytes(json), "application/json");
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return request;
    }

    /// <summary>A request signed at <paramref name="timestamp"/> (default: now) with this signer's secret.</summary>
    public HttpRequestMessage Sign(string path, byte[] body, string contentType, long? timestamp = null)
    {
        var ts = timestamp ?? time.GetUtcNow().ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", Signature(signingSecret, ts, body));
        return request;
    }
}
