namespace ChangeBot.Domain.Policy;

/// <summary>A lock or exclusion that happens once, between two instants.</summary>
public sealed record OneOffSchedule(TimeInterval Period) : CalendarSchedule
{
    public override bool Recurs => false;

    public override IEnumerable<TimeInterval> Occurrences(TimeInterval range, TimeZoneInfo zone)
    {
        if (Period.Overlaps(range))
        {
            yield return Period;
        }
    }

    public override string ToString() => Period.ToString();
}
