namespace ChangeBot.Domain.Policy;

/// <summary>
/// The policy plus the locks declared at run time, indexed for admission: one-off entries in an
/// <see cref="IntervalIndex{T}"/>, recurring ones expanded only around the period asked about. Build it once per
/// change of the lock set and share it: it is immutable and thread-safe.
/// </summary>
public sealed class ChangeCalendar
{
    private readonly IntervalIndex<ICalendarEntry> _oneOff;
    private readonly ICalendarEntry[] _recurring;

    private ChangeCalendar(ChangePolicy policy, IReadOnlyList<ChangeLock> runtimeLocks)
    {
        Policy = policy;
        RuntimeLocks = runtimeLocks;
        var entries = policy.Locks.Cast<ICalendarEntry>().Concat(policy.Exclusions).Concat(runtimeLocks).ToList();
        _recurring = [.. entries.Where(e => e.Schedule.Recurs)];
        _oneOff = new IntervalIndex<ICalendarEntry>(entries
            .Where(e => !e.Schedule.Recurs)
            .Select(e => (((OneOffSchedule)e.Schedule).Period, e)));
    }

    public ChangePolicy Policy { get; }

    public IReadOnlyList<ChangeLock> RuntimeLocks { get; }

    public int EntryCount => _oneOff.Count + _recurring.Length;

    public static ChangeCalendar Create(ChangePolicy policy, IEnumerable<ChangeLock>? runtimeLocks = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new ChangeCalendar(policy, [.. runtimeLocks ?? []]);
    }

    /// <summary>A new calendar with the same policy and these run-time locks (e.g. after a /change pcl).</summary>
    public ChangeCalendar WithRuntimeLocks(IEnumerable<ChangeLock> runtimeLocks) => Create(Policy, runtimeLocks);

    /// <summary>Every lock and exclusion occurrence overlapping <paramref name="range"/>, in order of start.</summary>
    public IReadOnlyList<CalendarOccurrence> Occurrences(TimeInterval range)
    {
        var found = new List<CalendarOccurrence>();
        Collect(range, found);
        found.Sort((a, b) => a.Period.Start.CompareTo(b.Period.Start));
        return found;
    }

    internal void Collect(TimeInterval range, List<CalendarOccurrence> into)
    {
        var hits = new List<(TimeInterval Interval, ICalendarEntry Item)>();
        _oneOff.CollectOverlapping(range, hits);
        foreach (var (interval, entry) in hits)
        {
            into.Add(new CalendarOccurrence(entry, interval));
        }

        foreach (var entry in _recurring)
        {
            foreach (var occurrence in entry.Schedule.Occurrences(range, entry.Zone))
            {
                into.Add(new CalendarOccurrence(entry, occurrence));
            }
        }
    }
}
