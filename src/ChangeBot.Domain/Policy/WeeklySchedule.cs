namespace ChangeBot.Domain.Policy;

/// <summary>A recurring period on given weekdays, e.g. peak traffic every Friday 17:00–21:00.</summary>
public sealed record WeeklySchedule(DailySpan Span) : CalendarSchedule
{
    public override bool Recurs => true;

    public override IEnumerable<TimeInterval> Occurrences(TimeInterval range, TimeZoneInfo zone) =>
        ChangeWindow.Within(zone, Span).Openings(range.Start, range.End);

    public override string ToString() => Span.ToString();
}
