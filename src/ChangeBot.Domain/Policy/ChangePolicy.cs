using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Policy;

/// <summary>
/// The whole change policy as data: windows per change type, criticality slots, exclusions, locks, the incident,
/// serialisation and monitoring rules, and the rules a change request itself obeys (approvals, stage minimums).
/// The policy file loads into this; <see cref="Default"/> is issue 2's table. Immutable, so one instance is shared.
/// </summary>
public sealed record ChangePolicy
{
    public required string Name { get; init; }

    /// <summary>The zone messages and the calendar are shown in unless a rule names its own.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    public required IReadOnlyDictionary<ChangeType, ChangeWindow> Windows { get; init; }

    public required IReadOnlyDictionary<Criticality, ChangeWindow> Slots { get; init; }

    /// <summary>The change types criticality slots apply to (the table: every non-emergency change).</summary>
    public required IReadOnlySet<ChangeType> SlotsApplyTo { get; init; }

    public IReadOnlyList<CalendarExclusion> Exclusions { get; init; } = [];

    public IReadOnlyList<ChangeLock> Locks { get; init; } = [];

    public IncidentRule Incidents { get; init; } = IncidentRule.Default;

    public SerialisationRule Serialisation { get; init; } = SerialisationRule.Default;

    public MonitoringRule Monitoring { get; init; } = MonitoringRule.Default;

    public ChangeRules Rules { get; init; } = ChangeRules.Default;

    /// <summary>How far ahead admission looks for the next allowed start.</summary>
    public TimeSpan SearchHorizon { get; init; } = TimeSpan.FromDays(60);

    /// <summary>The role that approves an emergency change (from the approval rules).</summary>
    public ApproverRole EmergencyApprover => Rules.Approvals.EmergencyApprover;

    public ChangeWindow WindowFor(ChangeType type) => Windows.TryGetValue(type, out var window) ? window : ChangeWindow.Always;

    public ChangeWindow SlotFor(Criticality criticality) =>
        Slots.TryGetValue(criticality, out var slot) ? slot : ChangeWindow.Always;

    /// <summary>Issue 2's table, both seeds, all times UTC.</summary>
    public static ChangePolicy Default { get; } = new()
    {
        Name = "ChangeBot default",
        Windows = new Dictionary<ChangeType, ChangeWindow>
        {
            [ChangeType.Standard] = ChangeWindow.Always,
            [ChangeType.Normal] = ChangeWindow.Within(
                TimeZoneInfo.Utc,
                new DailySpan(new HashSet<DayOfWeek> { DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday }, new(2, 0), new(6, 0))),
            [ChangeType.Emergency] = ChangeWindow.Always,
        },
        Slots = new Dictionary<Criticality, ChangeWindow>
        {
            [Criticality.C1] = ChangeWindow.Within(TimeZoneInfo.Utc, DailySpan.EveryDay(new(22, 0), new(6, 0))),
            [Criticality.C2] = ChangeWindow.Within(TimeZoneInfo.Utc, DailySpan.EveryDay(new(22, 0), new(14, 0))),
            [Criticality.C3] = ChangeWindow.Always,
            [Criticality.C4] = ChangeWindow.Always,
        },
        SlotsApplyTo = new HashSet<ChangeType> { ChangeType.Standard, ChangeType.Normal },
        Locks =
        [
            new ChangeLock
            {
                Id = "release-day",
                Name = "Release day",
                Strength = LockStrength.Soft,
                Schedule = new MonthlySchedule(22, new(9, 0), 23, new(9, 0)),
            },
            new ChangeLock
            {
                Id = "end-of-year-holidays",
                Name = "End-of-year holidays",
                Strength = LockStrength.Hard,
                Schedule = new YearlySchedule(12, 24, new(9, 0), 1, 2, new(9, 0)),
                Exceptions = new HashSet<ExceptionCategory>
                {
                    ExceptionCategory.SecurityPatchCritical,
                    ExceptionCategory.SecurityPatchHigh,
                    ExceptionCategory.ActiveIncidentFix,
                },
            },
        ],
    };
}
