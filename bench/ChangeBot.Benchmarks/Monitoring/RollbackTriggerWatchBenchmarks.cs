using BenchmarkDotNet.Attributes;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Triggers;

namespace ChangeBot.Benchmarks.Monitoring;

/// <summary>
/// One evaluation round of the rollback-trigger watches of many changes in progress at once (the pure part of the
/// runner's loop; the queries to Prometheus are what costs in practice).
/// </summary>
[MemoryDiagnoser]
public class RollbackTriggerWatchBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    private RollbackTriggerWatch[] _watches = [];
    private Dictionary<string, MetricObservation> _answers = [];
    private DateTimeOffset _now;

    [Params(10, 1000)]
    public int Changes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        RollbackTrigger[] triggers =
        [
            new(RollbackTriggerKind.Immediate, "Error rate exceeds 5% for 2 minutes", new MetricCondition("job:errors:ratio", MetricComparison.Above, 0.05, TimeSpan.FromMinutes(2))),
            new(RollbackTriggerKind.Immediate, "P99 above 3x baseline for 3 minutes", new MetricCondition("job:p99:ratio_to_baseline", MetricComparison.Above, 3, TimeSpan.FromMinutes(3))),
            new(RollbackTriggerKind.Immediate, "Fewer than 80% of pods healthy", new MetricCondition("job:pods_healthy:ratio", MetricComparison.Below, 0.8, TimeSpan.Zero)),
            new(RollbackTriggerKind.TimeBounded, "Error rate above 1% after the deployment", new MetricCondition("job:errors:ratio", MetricComparison.Above, 0.01, TimeSpan.Zero), TimeSpan.FromMinutes(15)),
            new(RollbackTriggerKind.ManualReview, "Unexpected log patterns"),
        ];
        _watches = [.. Enumerable.Range(0, Changes).Select(_ => new RollbackTriggerWatch(triggers, TimeSpan.FromMinutes(1)))];
        _answers = new Dictionary<string, MetricObservation>(StringComparer.Ordinal)
        {
            ["job:errors:ratio"] = MetricObservation.Of(0.002, 0.004, 0.07),
            ["job:p99:ratio_to_baseline"] = MetricObservation.Of(1.1, 0.9),
            ["job:pods_healthy:ratio"] = MetricObservation.Of(1),
        };
        _now = Start;
    }

    [Benchmark]
    public int EvaluateRound()
    {
        _now = _now.AddSeconds(15);
        var fired = 0;
        foreach (var watch in _watches)
        {
            fired += watch.Evaluate(_now, Start, _answers).Count;
        }

        return fired;
    }
}
