using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Policy;

/// <summary>
/// A production change lock (PCL) or freeze. The policy file's locks and the ones declared at run time (from Slack)
/// are both this type, so admission treats them alike.
/// </summary>
public sealed record ChangeLock : ICalendarEntry
{
    /// <summary>A stable key: the slug of the name for policy locks, the store's id for run-time locks.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public LockKind Kind { get; init; } = LockKind.Pcl;

    public required LockStrength Strength { get; init; }

    public required CalendarSchedule Schedule { get; init; }

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    public LockScope Scope { get; init; } = LockScope.Everything;

    /// <summary>For a soft lock, the criticalities it blocks (seed 2: C1 and C2). A hard lock blocks all.</summary>
    public IReadOnlySet<Criticality> BlockedCriticalities { get; init; } = new HashSet<Criticality> { Criticality.C1, Criticality.C2 };

    /// <summary>For a soft lock, the condition under which the changes it does not block may run.</summary>
    public string Condition { get; init; } = "coordinate with the EOC";

    /// <summary>For a soft lock: canary-only deploys may run whatever their criticality (seed 2).</summary>
    public bool AllowsCanary { get; init; } = true;

    public IReadOnlySet<ExceptionCategory> Exceptions { get; init; } = new HashSet<ExceptionCategory>();

    /// <summary>Who approves a change that claims one of <see cref="Exceptions"/> (seed 2: the VPE).</summary>
    public ApproverRole ExceptionApprover { get; init; } = ApproverRole.Vpe;

    /// <summary>For a hard lock: who must approve an emergency change during it (seed 2: the EOC and the IMOC).</summary>
    public IReadOnlySet<ApproverRole> EmergencyApprovers { get; init; } =
        new HashSet<ApproverRole> { ApproverRole.Eoc, ApproverRole.IncidentCommander };

    /// <summary>Who is told when a change runs during a hard lock (seed 2: the IMOC informs the VPE).</summary>
    public IReadOnlySet<ApproverRole> Informed { get; init; } = new HashSet<ApproverRole> { ApproverRole.Vpe };

    public string RuleId => Kind == LockKind.Freeze
        ? AdmissionRuleIds.Freeze
        : Strength == LockStrength.Hard ? AdmissionRuleIds.PclHard : AdmissionRuleIds.PclSoft;

    /// <summary>"soft PCL 'Release day'", as messages name it.</summary>
    public string Title =>
        $"{(Strength == LockStrength.Hard ? "hard" : "soft")} {(Kind == LockKind.Freeze ? "freeze" : "PCL")} '{Name}'";

    public bool Blocks(Criticality criticality) =>
        Strength == LockStrength.Hard || BlockedCriticalities.Contains(criticality);

    /// <summary>A lock declared at run time (e.g. <c>/change pcl</c>) for one period.</summary>
    public static ChangeLock Once(
        string id,
        string name,
        LockKind kind,
        LockStrength strength,
        TimeInterval period,
        LockScope? scope = null) => new()
    {
        Id = id,
        Name = name,
        Kind = kind,
        Strength = strength,
        Schedule = new OneOffSchedule(period),
        Scope = scope ?? LockScope.Everything,
    };

    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
