namespace ChangeBot.Domain.Policy;

/// <summary>
/// When a lock or exclusion is in force: once, or recurring. Recurrences are expanded lazily, only around the time
/// asked about, so a yearly lock costs the same whether the policy is read in 2026 or 2060.
/// </summary>
public abstract record CalendarSchedule
{
    public abstract bool Recurs { get; }

    /// <summary>The occurrences that overlap <paramref name="range"/>, in order of start.</summary>
    public abstract IEnumerable<TimeInterval> Occurrences(TimeInterval range, TimeZoneInfo zone);

    /// <summary>The clamped day: "the 31st" in a 30-day month is its last day, so a monthly rule never skips a month.</summary>
    private protected static DateOnly Day(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
