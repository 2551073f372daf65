using System.Globalization;

namespace ChangeBot.Domain.Policy;

/// <summary>
/// Every year from one calendar date and time to another (seed 2's end-of-year lock: 24 Dec 09:00 to 2 Jan 09:00).
/// An end that is not after the start falls in the next year. 29 Feb means 28 Feb in other years.
/// </summary>
public sealed record YearlySchedule(int StartMonth, int StartDay, TimeOnly StartTime, int EndMonth, int EndDay, TimeOnly EndTime)
    : CalendarSchedule
{
    public override bool Recurs => true;

    private bool EndsNextYear =>
        (EndMonth, EndDay, EndTime.Ticks).CompareTo((StartMonth, StartDay, StartTime.Ticks)) <= 0;

    public override IEnumerable<TimeInterval> Occurrences(TimeInterval range, TimeZoneInfo zone)
    {
        var from = WallClock.ToLocal(range.Start, zone).Year - 1;
        var to = WallClock.ToLocal(range.End, zone).Year;
        for (var year = from; year <= to; year++)
        {
            var start = WallClock.ToInstant(Day(year, StartMonth, StartDay), StartTime, zone);
            var endYear = EndsNextYear ? year + 1 : year;
            var end = WallClock.ToInstant(Day(endYear, EndMonth, EndDay), EndTime, zone);
            var occurrence = new TimeInterval(start, end);
            if (occurrence.Overlaps(range))
            {
                yield return occurrence;
            }
        }
    }

    public override string ToString()
    {
        var start = new DateTime(2000, StartMonth, StartDay, 0, 0, 0, DateTimeKind.Unspecified);
        var end = new DateTime(2000, EndMonth, EndDay, 0, 0, 0, DateTimeKind.Unspecified);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"every year, {start:d MMM} {StartTime:HH\\:mm} to {end:d MMM} {EndTime:HH\\:mm}");
    }
}
