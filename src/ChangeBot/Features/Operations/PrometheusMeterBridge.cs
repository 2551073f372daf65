using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;

namespace ChangeBot.Features.Operations;

/// <summary>
/// Exports this host's <c>ChangeBot.*</c> meters (see <see cref="ChangeBotMeters"/>) as Prometheus metrics in a
/// registry of its own, with the .NET process metrics beside them. Explicit prometheus-net metrics rather than
/// prometheus-net's meter adapter: the adapter exports counters as gauges (so <c>rate()</c> misreads a restart) and
/// listens to every meter of every host in the process; this listens only to meters made by this host's
/// <see cref="IMeterFactory"/>, and keeps the adapters free of prometheus-net.
/// </summary>
public sealed class PrometheusMeterBridge : IDisposable
{
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly IMeterFactory _meters;
    private readonly MeterListener _listener = new();
    private readonly MetricFactory _factory;
    private readonly ConcurrentDictionary<(Instrument, string), object> _metrics = new();

    public PrometheusMeterBridge(IMeterFactory meters, IEnumerable<IScrapeRefresher> refreshers)
    {
        var before = refreshers.ToList();
        _meters = meters;
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        _factory = Metrics.WithCustomRegistry(Registry);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meters)
                && instrument.Meter.Name.StartsWith(ChangeBotMeters.MeterPrefix, StringComparison.Ordinal)
                && instrument.Name.StartsWith(ChangeBotMeters.InstrumentPrefix, StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _listener.Start();

        // Observable instruments (depths, counts by state) are read when Prometheus scrapes, not on a timer, once the
        // snapshots they read are fresh.
        Registry.AddBeforeCollectCallback(async cancel =>
        {
            await Task.WhenAll(before.Select(refresher => refresher.RefreshAsync(cancel))).ConfigureAwait(false);
            _listener.RecordObservableInstruments();
        });
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _listener.Dispose();

    /// <summary>The Prometheus name of an instrument: <c>changebot.slack.requests</c> → <c>changebot_slack_requests_total</c>.</summary>
    public static string PrometheusName(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var name = instrument.Name.Replace('.', '_').Replace('-', '_');
        return instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> => name + "_total",
            _ when instrument.Unit == "s" => name + "_seconds",
            _ => name,
        };
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new string[tags.Length];
        var values = new string[tags.Length];
        var order = new int[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            order[i] = i;
        }

        var keys = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            keys[i] = tags[i].Key;
        }

        // Tags arrive in any order; Prometheus labels must come in one.
        Array.Sort(keys, order, StringComparer.Ordinal);
        for (var i = 0; i < order.Length; i++)
        {
            names[i] = keys[i].Replace('.', '_');
            values[i] = tags[order[i]].Value?.ToString() ?? "";
        }

        var metric = _metrics.GetOrAdd((instrument, string.Join(',', names)), key => Create(key.Item1, names));
        switch (metric)
        {
            case Counter counter when instrument is ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double>:
                counter.WithLabels(values).IncTo(value);
                break;
            case Counter counter:
                counter.WithLabels(values).Inc(value);
                break;
            case Histogram histogram:
                histogram.WithLabels(values).Observe(value);
                break;
            case Gauge gauge when instrument is UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double>:
                gauge.WithLabels(values).Inc(value);
                break;
            case Gauge gauge:
                gauge.WithLabels(values).Set(value);
                break;
        }
    }

    private object Create(Instrument instrument, string[] labels)
    {
        var name = PrometheusName(instrument);
        var help = instrument.Description ?? instrument.Name;
        return instrument switch
        {
            Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> =>
                _factory.CreateCounter(name, help, labels),
            Histogram<long> or Histogram<int> or Histogram<double> =>
                _factory.CreateHistogram(name, help, labels, new HistogramConfiguration { Buckets = instrument.Unit == "s" ? SecondsBuckets : Histogram.ExponentialBuckets(1, 2, 12) }),
            _ => _factory.CreateGauge(name, help, labels),
        };
    }
}
