using System.Globalization;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Domain.Tests.Admission;

/// <summary>Short ways to ask admission a question in tests. Times are ISO strings, UTC unless they say otherwise.</summary>
internal static class Ask
{
    public static readonly DateTimeOffset Now = At("2026-12-01T00:00:00Z");

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static AdmissionQuery Change(ChangeType type, Criticality criticality, string at, string duration = "30m", params string[] services) => new()
    {
        Type = type,
        Criticality = criticality,
        Start = At(at),
        Duration = DurationText.Parse(duration),
        Services = services,
        Approvals = type == ChangeType.Emergency ? new HashSet<ApproverRole> { ApproverRole.IncidentCommander } : new HashSet<ApproverRole>(),
    };

    public static AdmissionDecision Decide(AdmissionQuery query, ChangePolicy? policy = null, LiveState? live = null, params ChangeLock[] runtimeLocks) =>
        AdmissionEngine.Decide(query, ChangeCalendar.Create(policy ?? ChangePolicy.Default, runtimeLocks), live ?? LiveState.Quiet, Now);

    /// <summary>The default policy with every change window open, to look at one other rule alone.</summary>
    public static ChangePolicy OpenPolicy(params IReadOnlyList<CalendarExclusion> exclusions) => ChangePolicy.Default with
    {
        Windows = new Dictionary<ChangeType, ChangeWindow>(),
        Slots = new Dictionary<Criticality, ChangeWindow>(),
        Locks = [],
        Exclusions = exclusions,
    };

    public static IReadOnlySet<ChangeType> Types(params ChangeType[] types) => new HashSet<ChangeType>(types);

    public static string[] Rules(this AdmissionDecision decision) => [.. decision.Reasons.Select(r => r.Rule)];

    public static string[] ConditionRules(this AdmissionDecision decision) => [.. decision.Conditions.Select(c => c.Rule)];
}
