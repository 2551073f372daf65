using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Domain.Admission;

/// <summary>
/// Scheduled changes bucketed per service, each bucket an interval index, so finding the changes that overlap a
/// period on a service does not look at the others. Immutable; build once per change of the schedule.
/// </summary>
public sealed class ScheduledChangeIndex
{
    private readonly Dictionary<string, IntervalIndex<ScheduledChange>> _byService;

    public ScheduledChangeIndex(IEnumerable<ScheduledChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var list = changes.ToList();
        Count = list.Count;
        _byService = list
            .SelectMany(c => c.Services.Select(s => (Service: s.Trim(), Change: c)))
            .GroupBy(x => x.Service, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => new IntervalIndex<ScheduledChange>(g.Select(x => (x.Change.Period, x.Change))),
                StringComparer.OrdinalIgnoreCase);
    }

    public static ScheduledChangeIndex Empty { get; } = new([]);

    public int Count { get; }

    /// <summary>Other changes overlapping <paramref name="period"/> on any of <paramref name="services"/>, earliest first.</summary>
    public IReadOnlyList<ScheduledChange> Overlapping(IReadOnlyList<string> services, TimeInterval period, ChangeId? except)
    {
        ArgumentNullException.ThrowIfNull(services);
        var hits = new List<(TimeInterval Interval, ScheduledChange Item)>();
        foreach (var service in services)
        {
            if (_byService.TryGetValue(service.Trim(), out var bucket))
            {
                bucket.CollectOverlapping(period, hits);
            }
        }

        return [.. hits.Select(h => h.Item).Where(c => c.Id != except).Distinct().OrderBy(c => c.Period.Start)];
    }
}
