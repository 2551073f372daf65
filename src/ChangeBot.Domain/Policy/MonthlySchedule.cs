namespace ChangeBot.Domain.Policy;

/// <summary>
/// Every month from day <see cref="StartDay"/> at <see cref="StartTime"/> to day <see cref="EndDay"/> at
/// <see cref="EndTime"/> (seed 2's release day: the 22nd 09:00 to the 23rd 09:00). An end that is not after the start
/// falls in the next month. Days past a month's end mean its last day.
/// </summary>
public sealed record MonthlySchedule(int StartDay, TimeOnly StartTime, int EndDay, TimeOnly EndTime) : CalendarSchedule
{
    public override bool Recurs => true;

    private bool EndsNextMonth => (EndDay, EndTime.Ticks).CompareTo((StartDay, StartTime.Ticks)) <= 0;

    public override IEnumerable<TimeInterval> Occurrences(TimeInterval range, TimeZoneInfo zone)
    {
        var from = WallClock.ToLocal(range.Start, zone).AddMonths(-2);
        var to = WallClock.ToLocal(range.End, zone);
        for (var month = new DateTime(from.Year, from.Month, 1, 0, 0, 0, DateTimeKind.Unspecified); month <= to; month = month.AddMonths(1))
        {
            var endMonth = EndsNextMonth ? month.AddMonths(1) : month;
            var start = WallClock.ToInstant(Day(month.Year, month.Month, StartDay), StartTime, zone);
            var end = WallClock.ToInstant(Day(endMonth.Year, endMonth.Month, EndDay), EndTime, zone);
            var occurrence = new TimeInterval(start, end < start ? start : end);
            if (occurrence.Overlaps(range))
            {
                yield return occurrence;
            }
        }
    }

    public override string ToString() =>
        $"every month, day {StartDay} {StartTime:HH\\:mm} to day {EndDay} {EndTime:HH\\:mm}";
}
