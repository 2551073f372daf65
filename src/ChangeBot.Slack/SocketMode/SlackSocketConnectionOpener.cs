using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ChangeBot.Slack.Diagnostics;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace ChangeBot.Slack.SocketMode;

/// <summary>
/// <c>apps.connections.open</c>: the one Web API call made with the app-level token (<c>xapp-…</c>, scope
/// <c>connections:write</c>) rather than the bot token. It answers a fresh <c>wss://</c> URL for each connection. No
/// retries here: the Socket Mode loop backs off and tries again. The token is never logged.
/// </summary>
public sealed class SlackSocketConnectionOpener(HttpClient http, IOptions<SlackOptions> options, SlackMetrics metrics, TimeProvider time)
{
    public const string Method = "apps.connections.open";

    public async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUrl = settings.ApiBaseUrl.EndsWith('/') ? settings.ApiBaseUrl : settings.ApiBaseUrl + "/";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseUrl), Method))
        {
            Content = new FormUrlEncodedContent([]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AppToken);
        var started = SlackMetrics.Start();
        JsonObject? body;
        try
        {
            using var limit = new CancellationTokenSource(settings.RequestTimeout, time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode == 429 ? SlackApiClient.Ratelimited : $"http_{(int)response.StatusCode}";
                metrics.ApiCalled(Method, status, started);
                throw new SlackApiException(Method, status, []);
            }

            body = JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false)) as JsonObject;
        }
        catch (HttpRequestException e)
        {
            metrics.ApiCalled(Method, "connection_failed", started);
            throw new SlackApiException(Method, "connection_failed", [e.HttpRequestError.ToString()], e);
        }
        catch (System.Text.Json.JsonException e)
        {
            metrics.ApiCalled(Method, "invalid_response", started);
            throw new SlackApiException(Method, "invalid_response", ["the answer is not JSON"], e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.ApiCalled(Method, SlackApiClient.Timeout, started);
            throw new SlackApiException(Method, SlackApiClient.Timeout, [], e);
        }

        if (body?["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var isOk) && isOk
            && body["url"] is JsonValue url && url.TryGetValue<string>(out var text) && Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            metrics.ApiCalled(Method, "ok", started);
            return uri;
        }

        var error = body?["error"] is JsonValue e2 && e2.TryGetValue<string>(out var code) ? code : "invalid_response";
        metrics.ApiCalled(Method, error, started);
        throw new SlackApiException(Method, error, []);
    }
}
