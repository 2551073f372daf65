using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChangeBot.Testing.Monitoring;

/// <summary>
/// A tiny Kestrel endpoint on 127.0.0.1 that Prometheus scrapes: <c>/metrics</c> serves the gauges the test sets, in
/// Prometheus's text format.
/// </summary>
public sealed class ScrapeTarget : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, double> _gauges = new(StringComparer.Ordinal);
    private WebApplication? _app;

    private ScrapeTarget()
    {
    }

    /// <summary><c>host:port</c>, as a Prometheus static target.</summary>
    public string Address { get; private set; } = string.Empty;

    public static async Task<ScrapeTarget> StartAsync()
    {
        var target = new ScrapeTarget();
        var (app, url) = await LoopbackApp.StartAsync(app =>
            app.MapGet("/metrics", () => Results.Text(target.Render(), "text/plain; version=0.0.4", Encoding.UTF8)));
        target._app = app;
        target.Address = url.Authority;
        return target;
    }

    public void Set(string gauge, double value) => _gauges[gauge] = value;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private string Render()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in _gauges.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"# TYPE {name} gauge\n{name} {value.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return text.ToString();
    }
}
