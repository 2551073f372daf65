namespace ChangeBot.Domain.Policy;

/// <summary>
/// A wall-clock span that opens on the listed days: <c>Tue, Wed, Thu 02:00–06:00</c>. When <see cref="To"/> is not
/// after <see cref="From"/> the span runs past midnight into the next day (<c>22:00–06:00</c>); the day named is the
/// day it opens. An empty <see cref="Days"/> means every day.
/// </summary>
public sealed record DailySpan(IReadOnlySet<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public static DailySpan EveryDay(TimeOnly from, TimeOnly to) => new(new HashSet<DayOfWeek>(), from, to);

    public bool CrossesMidnight => To <= From;

    public bool OpensOn(DayOfWeek day) => Days.Count == 0 || Days.Contains(day);

    /// <summary>The instants this span covers when it opens on <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public TimeInterval On(DateOnly date, TimeZoneInfo zone)
    {
        var start = WallClock.ToInstant(date, From, zone);
        var end = WallClock.ToInstant(CrossesMidnight ? date.AddDays(1) : date, To, zone);
        return new TimeInterval(start, end);
    }

    public override string ToString()
    {
        var days = Days.Count is 0 or 7
            ? "every day"
            : string.Join(", ", Days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3]));
        return $"{days} {From:HH\\:mm}–{To:HH\\:mm}";
    }
}
