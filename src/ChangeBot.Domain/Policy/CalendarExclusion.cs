using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Policy;

/// <summary>
/// A period in which some change types may not start: a major release (its schedule already widened by the margin),
/// a peak-traffic period or a holiday.
/// </summary>
public sealed record CalendarExclusion : ICalendarEntry
{
    public required ExclusionKind Kind { get; init; }

    public required string Name { get; init; }

    public required CalendarSchedule Schedule { get; init; }

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    public required IReadOnlySet<ChangeType> AppliesTo { get; init; }

    /// <summary>For a major release, the release itself (the schedule is this ± the margin).</summary>
    public DateTimeOffset? ReleaseAt { get; init; }

    public string RuleId => Kind switch
    {
        ExclusionKind.MajorRelease => AdmissionRuleIds.MajorRelease,
        ExclusionKind.PeakTraffic => AdmissionRuleIds.PeakTraffic,
        _ => AdmissionRuleIds.Holiday,
    };

    public string Title => Kind switch
    {
        ExclusionKind.MajorRelease => $"major release '{Name}'",
        ExclusionKind.PeakTraffic => $"peak-traffic period '{Name}'",
        _ => $"holiday '{Name}'",
    };

    /// <summary>A major release at <paramref name="at"/>: changes of the given types are excluded ± <paramref name="margin"/>.</summary>
    public static CalendarExclusion MajorRelease(string name, DateTimeOffset at, TimeSpan margin, IReadOnlySet<ChangeType> appliesTo) => new()
    {
        Kind = ExclusionKind.MajorRelease,
        Name = name,
        Schedule = new OneOffSchedule(new TimeInterval(at - margin, at + margin)),
        AppliesTo = appliesTo,
        ReleaseAt = at,
    };

    /// <summary>A whole local day in <paramref name="zone"/>.</summary>
    public static CalendarExclusion Holiday(string name, DateOnly date, TimeZoneInfo zone, IReadOnlySet<ChangeType> appliesTo) => new()
    {
        Kind = ExclusionKind.Holiday,
        Name = name,
        Schedule = new OneOffSchedule(new TimeInterval(
            WallClock.ToInstant(date, TimeOnly.MinValue, zone),
            WallClock.ToInstant(date.AddDays(1), TimeOnly.MinValue, zone))),
        Zone = zone,
        AppliesTo = appliesTo,
    };
}
