using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// Posts one Web API call as JSON with the bot token (<c>Slack:BotToken</c>, from the environment) and classifies
/// Slack's answer. Minimal on purpose: the Slack adapter's typed client replaces it.
/// </summary>
internal sealed class HttpSlackOutboxSender(HttpClient http, IOptions<OutboxOptions> options, IConfiguration configuration) : ISlackOutboxSender
{
    public const string TokenKey = "Slack:BotToken";

    private readonly string? _token = configuration[TokenKey];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_token);

    public async Task<SlackSendResult> SendAsync(string method, string payloadJson, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.SlackApiBaseUrl, method))
        {
            Content = new StringContent(payloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return SlackSendResult.RateLimited(RetryAfter(response));
            }

            if (!response.IsSuccessStatusCode)
            {
                return SlackSendResult.Transient(string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}"));
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = body.RootElement;
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return SlackSendResult.Delivered(root.TryGetProperty("ts", out var ts) ? ts.GetString() : null);
            }

            return SlackSendResult.Failed(root.TryGetProperty("error", out var error) ? error.GetString() ?? "unknown_error" : "unknown_error");
        }
        catch (HttpRequestException exception)
        {
            return SlackSendResult.Transient("network: " + exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SlackSendResult.Transient("timeout");
        }
        catch (JsonException)
        {
            return SlackSendResult.Transient("Slack answered with something that is not JSON");
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(30);
}
