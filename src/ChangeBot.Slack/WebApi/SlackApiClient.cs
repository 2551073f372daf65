using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Diagnostics;
using ChangeBot.Slack.Payloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeBot.Slack.WebApi;

/// <summary>
/// The Web API over a typed <see cref="HttpClient"/>. Retries are ours rather than a generic resilience
/// pipeline because they follow Slack's semantics: 429 waits exactly <c>Retry-After</c>, and the errors that
/// cannot heal (<c>invalid_auth</c>, <c>channel_not_found</c>, <c>invalid_blocks</c>, …) surface at once.
/// Waiting goes through <see cref="TimeProvider"/> so tests never sleep. Tokens and bodies are never logged.
/// </summary>
public sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApiClient> logger, SlackMetrics? metrics = null)
    : ISlackApiClient
{
    public const string BotTokenMissing = "bot_token_missing";
    public const string Ratelimited = "ratelimited";
    public const string Timeout = "timeout";

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    // Slack's own transient failures: the only ok:false answers worth another attempt.
    private static readonly HashSet<string> TransientErrors = ["internal_error", "fatal_error", "service_unavailable", "request_timeout", Ratelimited];

    public async Task<PostedMessage> PostMessageAsync(string channel, MessageLayout message, string? threadTs = null, bool replyBroadcast = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject { ["channel"] = channel, ["unfurl_links"] = false };
        message.WriteTo(body);
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
            body["reply_broadcast"] = replyBroadcast;
        }

        var response = await WriteAsync("chat.postMessage", body, cancellationToken).ConfigureAwait(false);
        return new PostedMessage(Str(response, "channel") ?? channel, Str(response, "ts") ?? "");
    }

    public async Task<PostedMessage> UpdateMessageAsync(string channel, string ts, MessageLayout message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts };
        message.WriteTo(body);
        var response = await WriteAsync("chat.update", body, cancellationToken).ConfigureAwait(false);
        return new PostedMessage(Str(response, "channel") ?? channel, Str(response, "ts") ?? ts);
    }

    public async Task<string> PostEphemeralAsync(string channel, string user, MessageLayout message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject { ["channel"] = channel, ["user"] = user };
        message.WriteTo(body);
        var response = await WriteAsync("chat.postEphemeral", body, cancellationToken).ConfigureAwait(false);
        return Str(response, "message_ts") ?? "";
    }

    public Task<OpenedView> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ViewAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.ToJson() }, cancellationToken);
    }

    public Task<OpenedView> UpdateViewAsync(string viewId, ModalView view, string? hash = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new JsonObject { ["view_id"] = viewId, ["view"] = view.ToJson() };
        if (hash is not null)
        {
            body["hash"] = hash;
        }

        return ViewAsync("views.update", body, cancellationToken);
    }

    public Task<OpenedView> PushViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ViewAsync("views.push", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.ToJson() }, cancellationToken);
    }

    public Task<OpenedView> PublishHomeAsync(string userId, HomeView view, string? hash = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new JsonObject { ["user_id"] = userId, ["view"] = view.ToJson() };
        if (hash is not null)
        {
            body["hash"] = hash;
        }

        return ViewAsync("views.publish", body, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListUsergroupUsersAsync(string usergroup, CancellationToken cancellationToken = default)
    {
        var response = await ReadAsync("usergroups.users.list", [new("usergroup", usergroup)], cancellationToken).ConfigureAwait(false);
        return response["users"] is JsonArray users ? [.. users.Select(u => u?.GetValue<string>() ?? "").Where(u => u.Length > 0)] : [];
    }

    public async Task<SlackUserInfo> GetUserInfoAsync(string user, CancellationToken cancellationToken = default)
    {
        var response = await ReadAsync("users.info", [new("user", user)], cancellationToken).ConfigureAwait(false);
        var info = response["user"] as JsonObject ?? [];
        return new SlackUserInfo(
            Str(info, "id") ?? user,
            Str(info, "name"),
            Str(info, "real_name"),
            Str(info, "tz"),
            info["tz_offset"] is JsonValue offset && offset.TryGetValue<int>(out var seconds) ? seconds : 0,
            info["is_bot"] is JsonValue bot && bot.TryGetValue<bool>(out var isBot) && isBot);
    }

    public async Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken = default)
    {
        var response = await ReadAsync("auth.test", [], cancellationToken).ConfigureAwait(false);
        return new SlackAuthInfo(Str(response, "team_id") ?? "", Str(response, "user_id") ?? "", Str(response, "bot_id"));
    }

    public async Task<SlackConversationInfo> GetConversationInfoAsync(string channel, CancellationToken cancellationToken = default)
    {
        var response = await ReadAsync("conversations.info", [new("channel", channel)], cancellationToken).ConfigureAwait(false);
        var info = response["channel"] as JsonObject ?? [];
        return new SlackConversationInfo(
            Str(info, "id") ?? channel,
            Str(info, "name"),
            info["is_member"] is JsonValue member && member.TryGetValue<bool>(out var isMember) && isMember,
            info["is_private"] is JsonValue priv && priv.TryGetValue<bool>(out var isPrivate) && isPrivate);
    }

    public async Task PostToResponseUrlAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        var body = new JsonObject { ["response_type"] = message.InChannel ? "in_channel" : "ephemeral" };
        message.Message.WriteTo(body);
        if (message.ReplaceOriginal)
        {
            body["replace_original"] = true;
        }

        if (message.DeleteOriginal)
        {
            body["delete_original"] = true;
        }

        var json = body.ToJsonString(SlackJson.Options);
        await SendAsync("response_url", responseUrl, authenticate: false, () => new StringContent(json, JsonUtf8), cancellationToken).ConfigureAwait(false);
    }

    private async Task<OpenedView> ViewAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        var response = await WriteAsync(method, body, cancellationToken).ConfigureAwait(false);
        var view = response["view"] as JsonObject ?? [];
        return new OpenedView(Str(view, "id") ?? "", Str(view, "hash"));
    }

    private Task<JsonObject> WriteAsync(string method, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString(SlackJson.Options);
        return SendAsync(method, MethodUri(method), authenticate: true, () => new StringContent(json, Encoding.UTF8, JsonUtf8), cancellationToken);
    }

    private Task<JsonObject> ReadAsync(string method, KeyValuePair<string, string>[] fields, CancellationToken cancellationToken) =>
        SendAsync(method, MethodUri(method), authenticate: true, () => new FormUrlEncodedContent(fields), cancellationToken);

    private Uri MethodUri(string method)
    {
        var baseUrl = options.Value.ApiBaseUrl;
        return new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), method);
    }

    private async Task<JsonObject> SendAsync(string method, Uri uri, bool authenticate, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var token = settings.BotToken;
        if (authenticate && string.IsNullOrWhiteSpace(token))
        {
            throw new SlackApiException(method, BotTokenMissing, ["Slack:BotToken is not configured, so the bot cannot call Slack"]);
        }

        for (var attempt = 0; ; attempt++)
        {
            var canRetry = attempt < settings.MaxRetries;
            string failure;
            TimeSpan wait;
            using (var timeout = new CancellationTokenSource(settings.RequestTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
                if (authenticate)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                HttpResponseMessage response;
                var started = SlackMetrics.Start();
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    failure = Timeout;
                    metrics?.ApiCalled(method, failure, started);
                    wait = Backoff(attempt);
                    goto retry;
                }
                catch (HttpRequestException e)
                {
                    logger.LogWarning("Slack {Method} attempt {Attempt}: connection failed ({Reason})", method, attempt + 1, e.HttpRequestError);
                    metrics?.ApiCalled(method, "connection_failed", started);
                    if (!canRetry)
                    {
                        throw new SlackApiException(method, "connection_failed", [$"gave up after {attempt + 1} attempts"], e);
                    }

                    failure = "connection_failed";
                    wait = Backoff(attempt);
                    goto retry;
                }

                using (response)
                {
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        failure = Ratelimited;
                        metrics?.ApiCalled(method, failure, started);
                        wait = RetryAfter(response) ?? DefaultRetryAfter;
                        goto retry;
                    }

                    if ((int)response.StatusCode >= 500)
                    {
                        failure = $"http_{(int)response.StatusCode}";
                        metrics?.ApiCalled(method, "http_5xx", started);
                        wait = Backoff(attempt);
                        goto retry;
                    }

                    var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
                    if (!authenticate && response.IsSuccessStatusCode && !text.TrimStart().StartsWith('{'))
                    {
                        // response_url answers a bare "ok" on some paths.
                        metrics?.ApiCalled(method, "ok", started);
                        return [];
                    }

                    var body = Parse(method, text, response.StatusCode);
                    if (body["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var isOk) && isOk)
                    {
                        metrics?.ApiCalled(method, "ok", started);
                        return body;
                    }

                    var error = Str(body, "error") ?? $"http_{(int)response.StatusCode}";
                    var messages = body["response_metadata"]?["messages"] is JsonArray list
                        ? list.Select(m => m?.ToString() ?? "").ToList()
                        : [];
                    logger.LogWarning("Slack {Method} answered ok:false {Error}", method, error);
                    metrics?.ApiCalled(method, error, started);
                    if (!TransientErrors.Contains(error) || !canRetry)
                    {
                        throw new SlackApiException(method, error, messages);
                    }

                    failure = error;
                    wait = Backoff(attempt);
                }
            }

        retry:
            if (!canRetry)
            {
                throw new SlackApiException(method, failure, [$"gave up after {attempt + 1} attempts"]) { RetryAfter = failure == Ratelimited ? wait : null };
            }

            logger.LogInformation("Slack {Method} attempt {Attempt} failed ({Failure}); retrying in {Wait}", method, attempt + 1, failure, wait);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan Backoff(int attempt)
    {
        var delay = FirstBackoff * Math.Pow(2, attempt);
        return delay < MaxBackoff ? delay : MaxBackoff;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static JsonObject Parse(string method, string text, HttpStatusCode status)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new SlackApiException(method, "invalid_response", ["the answer is not a JSON object"]);
        }
        catch (JsonException e)
        {
            throw new SlackApiException(method, $"http_{(int)status}", ["the answer is not JSON"], e);
        }
    }

    private static string? Str(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
