namespace ChangeBot.Domain.Policy;

/// <summary>
/// Intervals sorted by start with a running maximum of their ends: finding those that overlap a range is a binary
/// search for the last start before the range's end, then a walk back that stops as soon as no earlier interval can
/// reach the range. Immutable once built, so safe to share between threads.
/// </summary>
internal sealed class IntervalIndex<T>
{
    private readonly TimeInterval[] _intervals;
    private readonly T[] _items;
    private readonly DateTimeOffset[] _maxEndSoFar;

    public IntervalIndex(IEnumerable<(TimeInterval Interval, T Item)> entries)
    {
        var sorted = entries.OrderBy(e => e.Interval.Start).ToArray();
        _intervals = new TimeInterval[sorted.Length];
        _items = new T[sorted.Length];
        _maxEndSoFar = new DateTimeOffset[sorted.Length];
        var max = DateTimeOffset.MinValue;
        for (var i = 0; i < sorted.Length; i++)
        {
            _intervals[i] = sorted[i].Interval;
            _items[i] = sorted[i].Item;
            max = sorted[i].Interval.End > max ? sorted[i].Interval.End : max;
            _maxEndSoFar[i] = max;
        }
    }

    public int Count => _items.Length;

    /// <summary>Adds every entry overlapping <paramref name="range"/> to <paramref name="into"/> (latest start first).</summary>
    public void CollectOverlapping(TimeInterval range, List<(TimeInterval Interval, T Item)> into)
    {
        var i = FirstStartAtOrAfter(range.End) - 1;
        for (; i >= 0 && _maxEndSoFar[i] > range.Start; i--)
        {
            if (_intervals[i].End > range.Start)
            {
                into.Add((_intervals[i], _items[i]));
            }
        }
    }

    private int FirstStartAtOrAfter(DateTimeOffset instant)
    {
        int lo = 0, hi = _intervals.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_intervals[mid].Start < instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
