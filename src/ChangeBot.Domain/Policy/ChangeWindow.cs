namespace ChangeBot.Domain.Policy;

/// <summary>
/// When something is open: either always, or the union of some <see cref="DailySpan"/>s read as wall-clock time in
/// <see cref="Zone"/> (so "02:00–06:00 Europe/Berlin" stays 02:00–06:00 local on both sides of a DST switch).
/// Used for change windows per type and for criticality slots.
/// </summary>
public sealed record ChangeWindow
{
    // Spans repeat weekly, so eight days ahead always reaches the next opening if there is one.
    private static readonly TimeSpan SearchReach = TimeSpan.FromDays(8);

    private ChangeWindow(bool alwaysOpen, IReadOnlyList<DailySpan> spans, TimeZoneInfo zone)
    {
        AlwaysOpen = alwaysOpen;
        Spans = spans;
        Zone = zone;
    }

    public static ChangeWindow Always { get; } = new(true, [], TimeZoneInfo.Utc);

    public bool AlwaysOpen { get; }

    public IReadOnlyList<DailySpan> Spans { get; }

    public TimeZoneInfo Zone { get; }

    public static ChangeWindow Within(TimeZoneInfo zone, params IReadOnlyList<DailySpan> spans)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            throw new DomainException("A change window needs at least one span, or must be 'always'.");
        }

        return new ChangeWindow(false, [.. spans], zone);
    }

    public bool Contains(DateTimeOffset instant) => OpeningAt(instant) is not null;

    /// <summary>The whole opening (adjacent spans merged) that contains <paramref name="instant"/>, if any.</summary>
    public TimeInterval? OpeningAt(DateTimeOffset instant)
    {
        if (AlwaysOpen)
        {
            return new TimeInterval(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        }

        foreach (var opening in Openings(instant - SearchReach, instant + SearchReach))
        {
            if (opening.Contains(instant))
            {
                return opening;
            }

            if (opening.Start > instant)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The first opening that starts after <paramref name="instant"/>, or null when the window never opens.</summary>
    public DateTimeOffset? NextOpeningAfter(DateTimeOffset instant)
    {
        if (AlwaysOpen)
        {
            return null;
        }

        foreach (var opening in Openings(instant - SearchReach, instant + SearchReach))
        {
            if (opening.Start > instant)
            {
                return opening.Start;
            }
        }

        return null;
    }

    /// <summary>Openings overlapping [<paramref name="from"/>, <paramref name="to"/>), in order, touching ones merged.</summary>
    public IEnumerable<TimeInterval> Openings(DateTimeOffset from, DateTimeOffset to)
    {
        if (AlwaysOpen)
        {
            yield return new TimeInterval(from, to);
            yield break;
        }

        var raw = new List<TimeInterval>();
        var first = DateOnly.FromDateTime(WallClock.ToLocal(from, Zone)).AddDays(-1);
        var last = DateOnly.FromDateTime(WallClock.ToLocal(to, Zone));
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            foreach (var span in Spans)
            {
                if (span.OpensOn(date.DayOfWeek))
                {
                    var interval = span.On(date, Zone);
                    if (interval.End > from && interval.Start < to && interval.Length > TimeSpan.Zero)
                    {
                        raw.Add(interval);
                    }
                }
            }
        }

        raw.Sort((a, b) => a.Start.CompareTo(b.Start));
        TimeInterval? current = null;
        foreach (var interval in raw)
        {
            if (current is { } open && interval.Start <= open.End)
            {
                current = new TimeInterval(open.Start, interval.End > open.End ? interval.End : open.End);
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = interval;
        }

        if (current is { } tail)
        {
            yield return tail;
        }
    }

    public override string ToString() =>
        AlwaysOpen ? "any time" : $"{string.Join("; ", Spans)} {PolicyText.Zone(Zone)}";
}
