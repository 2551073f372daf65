using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// One request to a monitoring server with the configured timeout, every failure turned into a
/// <see cref="MonitoringUnavailableException"/> whose message a person can act on. Shared by both clients.
/// A fresh <see cref="HttpClient"/> from the factory per request, so the clients can be singletons.
/// </summary>
internal sealed class MonitoringHttp(IHttpClientFactory factory, string clientName, IOptions<MonitoringOptions> options, TimeProvider time)
{
    public TimeSpan Timeout => options.Value.Timeout;

    /// <summary>Sends the request and returns the status and body; the caller decides what a non-2xx means.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(string service, HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        var http = factory.CreateClient(clientName);
        if (http.BaseAddress is null)
        {
            throw new InvalidOperationException($"{service} is not configured (Monitoring:{service}:Url); check MonitoringOptions.IsConfigured before asking it.");
        }

        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new MonitoringUnavailableException(service, MonitoringFailure.Timeout, $"{service} did not answer {path} within {Seconds(Timeout)}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new MonitoringUnavailableException(service, MonitoringFailure.Unreachable, $"{service} could not be reached at {http.BaseAddress} for {path}: {exception.Message}", exception);
        }
    }

    /// <summary>Sends a GET to <paramref name="relativePath"/> (no leading slash, so a base path prefix is kept) and parses a 2xx JSON answer.</summary>
    public async Task<JsonDocument> GetJsonAsync(string service, string relativePath, CancellationToken cancellationToken)
    {
        var path = "/" + relativePath.Split('?', 2)[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(relativePath, UriKind.Relative));
        var (status, body) = await SendAsync(service, request, path, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(service, path, status, body);
        return ParseJson(service, path, body);
    }

    public static void EnsureSuccess(string service, string path, HttpStatusCode status, string body)
    {
        if ((int)status is < 200 or > 299)
        {
            throw new MonitoringUnavailableException(service, MonitoringFailure.HttpError, $"{service} answered {path} with HTTP {(int)status} {status}{Excerpt(body)}");
        }
    }

    public static JsonDocument ParseJson(string service, string path, string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw Unreadable(service, path, exception.Message, exception);
        }
    }

    public static MonitoringUnavailableException Unreadable(string service, string path, string what, Exception? inner = null) =>
        new(service, MonitoringFailure.UnreadableAnswer, $"{service} answered {path} with something that is not its API's JSON: {what}", inner);

    /// <summary>"2 s", "0.5 s": the timeout as the reason sentence states it.</summary>
    public static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    private static string Excerpt(string body)
    {
        var text = body.Trim().ReplaceLineEndings(" ");
        return text.Length == 0 ? string.Empty : ": " + (text.Length > 200 ? text[..200] + "…" : text);
    }
}
