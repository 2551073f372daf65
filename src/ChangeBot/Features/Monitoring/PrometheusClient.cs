using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// Prometheus's HTTP API, as much as the bot needs: readiness (<c>/-/ready</c>) and instant queries
/// (<c>/api/v1/query</c>). Every failure is a <see cref="MonitoringUnavailableException"/>.
/// </summary>
public sealed class PrometheusClient
{
    private const string Service = "Prometheus";
    private const string QueryPath = "/api/v1/query";

    /// <summary>The name of the <see cref="HttpClient"/> configured with the base URL.</summary>
    public const string HttpClientName = "ChangeBot.Prometheus";

    private readonly MonitoringHttp _http;

    public PrometheusClient(IHttpClientFactory httpClients, IOptions<MonitoringOptions> options, TimeProvider time) =>
        _http = new MonitoringHttp(httpClients, HttpClientName, options, time);

    /// <summary>Returns when Prometheus says it is ready to serve queries; throws otherwise.</summary>
    public async Task CheckReadyAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("-/ready", UriKind.Relative));
        var (status, body) = await _http.SendAsync(Service, request, "/-/ready", cancellationToken).ConfigureAwait(false);
        MonitoringHttp.EnsureSuccess(Service, "/-/ready", status, body);
    }

    /// <summary>
    /// Runs an instant query, at <paramref name="time"/> or Prometheus's now. Sent as a form POST so long expressions
    /// fit, with the timeout passed on so Prometheus stops working when we stop waiting.
    /// </summary>
    public async Task<PrometheusQueryResult> QueryAsync(string promQl, CancellationToken cancellationToken, DateTimeOffset? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(promQl);
        var form = new Dictionary<string, string>
        {
            ["query"] = promQl,
            ["timeout"] = string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (long)_http.Timeout.TotalMilliseconds)}ms"),
        };
        if (time is { } at)
        {
            form["time"] = (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/query", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(form),
        };
        var (status, body) = await _http.SendAsync(Service, request, QueryPath, cancellationToken).ConfigureAwait(false);

        // Prometheus answers a rejected query with 400/422/503 and a JSON error; anything else non-2xx is the server.
        if ((int)status is < 200 or > 299 && !body.TrimStart().StartsWith('{'))
        {
            MonitoringHttp.EnsureSuccess(Service, QueryPath, status, body);
        }

        using var json = MonitoringHttp.ParseJson(Service, QueryPath, body);
        return PrometheusAnswer.ReadQuery(json.RootElement, promQl);
    }
}
