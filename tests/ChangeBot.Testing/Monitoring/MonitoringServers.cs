using System.Globalization;
using System.Net.Http.Json;
using Xunit;

namespace ChangeBot.Testing.Monitoring;

/// <summary>
/// A real Prometheus and Alertmanager on 127.0.0.1 free ports with throw-away data directories, Prometheus scraping
/// a <see cref="ScrapeTarget"/> every second. Use it as a class fixture; everything stops and is deleted on dispose.
/// </summary>
public sealed class MonitoringServers : IAsyncLifetime, IDisposable
{
    /// <summary>Prometheus's scrape and rule-evaluation interval: short, so tests wait seconds, not minutes.</summary>
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(1);

    private readonly string _directory = Directory.CreateTempSubdirectory("changebot-monitoring-").FullName;
    private ServerProcess? _prometheus;
    private ServerProcess? _alertmanager;
    private ScrapeTarget? _target;

    public ScrapeTarget Target => _target ?? throw NotStarted();

    public Uri PrometheusUrl => (_prometheus ?? throw NotStarted()).Url;

    public Uri AlertmanagerUrl => (_alertmanager ?? throw NotStarted()).Url;

    public async Task InitializeAsync()
    {
        _target = await ScrapeTarget.StartAsync();
        var interval = string.Create(CultureInfo.InvariantCulture, $"{ScrapeInterval.TotalSeconds:0}s");
        var prometheusConfig = Path.Combine(_directory, "prometheus.yml");
        await File.WriteAllTextAsync(prometheusConfig, $"""
            global:
              scrape_interval: {interval}
              evaluation_interval: {interval}
            scrape_configs:
              - job_name: target
                static_configs:
                  - targets: ["{_target.Address}"]
            """);
        var alertmanagerConfig = Path.Combine(_directory, "alertmanager.yml");
        await File.WriteAllTextAsync(alertmanagerConfig, """
            route:
              receiver: nowhere
            receivers:
              - name: nowhere
            """);

        _prometheus = OnLoopback(
            "Prometheus",
            MonitoringBinaries.Prometheus,
            $"--config.file={prometheusConfig}",
            $"--storage.tsdb.path={Path.Combine(_directory, "prometheus-data")}");
        _alertmanager = OnLoopback(
            "Alertmanager",
            MonitoringBinaries.Alertmanager,
            $"--config.file={alertmanagerConfig}",
            $"--storage.path={Path.Combine(_directory, "alertmanager-data")}",
            // No gossip port: a single throw-away instance, listening on nothing but its loopback API.
            "--cluster.listen-address=");
        await Task.WhenAll(_prometheus.StartAsync(), _alertmanager.StartAsync());

        // Ready is not enough: until the first scrape, `up` (the gate's default query) has no series.
        await WaitForSampleAsync("up{job=\"target\"}", 1);
    }

    /// <summary>Runs <paramref name="test"/> with servers of its own, for a test that stops one of them.</summary>
    public static async Task RunAsync(Func<MonitoringServers, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var servers = new MonitoringServers();
        try
        {
            await servers.InitializeAsync();
            await test(servers);
        }
        finally
        {
            await servers.DisposeAsync();
        }
    }

    public void StopPrometheus() => _prometheus?.Stop();

    public void StopAlertmanager() => _alertmanager?.Stop();

    /// <summary>Waits until Prometheus has scraped <paramref name="series"/> at <paramref name="value"/>, so a query sees it.</summary>
    public async Task WaitForSampleAsync(string series, double value)
    {
        using var http = new HttpClient { BaseAddress = PrometheusUrl, Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.UntilAsync(
            async () =>
            {
                var answer = await http.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("api/v1/query?query=" + Uri.EscapeDataString(series), UriKind.Relative));
                var result = answer.GetProperty("data").GetProperty("result");
                return result.GetArrayLength() == 0 ? null : result[0].GetProperty("value")[1].GetString();
            },
            seen => seen == value.ToString("R", CultureInfo.InvariantCulture),
            $"Prometheus to scrape {series} = {value}");
    }

    /// <summary>Creates a silence through Alertmanager's own API and returns its id.</summary>
    public async Task<string> CreateSilenceAsync(string createdBy, string comment, DateTimeOffset endsAt, params (string Name, string Value, bool IsRegex)[] matchers)
    {
        using var http = new HttpClient { BaseAddress = AlertmanagerUrl, Timeout = TimeSpan.FromSeconds(5) };
        var body = new
        {
            matchers = matchers.Select(matcher => new { name = matcher.Name, value = matcher.Value, isRegex = matcher.IsRegex, isEqual = true }),
            startsAt = TimeProvider.System.GetUtcNow(),
            endsAt,
            createdBy,
            comment,
        };
        using var response = await http.PostAsJsonAsync(new Uri("api/v2/silences", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager refused the silence: {(int)response.StatusCode} {text}");
        var json = System.Text.Json.JsonDocument.Parse(text);
        return json.RootElement.GetProperty("silenceID").GetString()!;
    }

    public void Dispose()
    {
        _prometheus?.Dispose();
        _alertmanager?.Dispose();
    }

    /// <summary>Sends an alert to Alertmanager as Prometheus would (<c>POST /api/v2/alerts</c>), firing for an hour.</summary>
    public async Task FireAlertAsync(params (string Name, string Value)[] labels)
    {
        using var http = new HttpClient { BaseAddress = AlertmanagerUrl, Timeout = TimeSpan.FromSeconds(5) };
        var now = TimeProvider.System.GetUtcNow();
        var alert = new
        {
            labels = labels.ToDictionary(label => label.Name, label => label.Value),
            annotations = new Dictionary<string, string> { ["summary"] = "raised by a test" },
            startsAt = now,
            endsAt = now.AddHours(1),
        };
        using var response = await http.PostAsJsonAsync(new Uri("api/v2/alerts", UriKind.Relative), new[] { alert });
        Assert.True(response.IsSuccessStatusCode, $"Alertmanager refused the alert: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task DisposeAsync()
    {
        Dispose();
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing its files; the directory is in /tmp and empty soon enough.
        }
    }

    private static ServerProcess OnLoopback(string name, string binary, params string[] arguments)
    {
        var port = LoopbackPort.Free();
        var listen = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
        return new ServerProcess(name, binary, [.. arguments, $"--web.listen-address={listen}", "--log.level=warn"], new Uri($"http://{listen}/"));
    }

    private static InvalidOperationException NotStarted() => new("The monitoring stack has not started; use it as an xunit fixture.");
}
