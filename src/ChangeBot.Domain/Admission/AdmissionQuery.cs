using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Domain.Admission;

/// <summary>The question admission answers: may a change like this start at <see cref="Start"/> and run for <see cref="Duration"/>?</summary>
public sealed record AdmissionQuery
{
    public ChangeType Type { get; init; } = ChangeType.Normal;

    public required Criticality Criticality { get; init; }

    public IReadOnlyList<string> Services { get; init; } = [];

    public string Environment { get; init; } = "production";

    public required DateTimeOffset Start { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The change asking, if it is filed: overrides name it, and it does not conflict with itself.</summary>
    public ChangeId? ChangeId { get; init; }

    /// <summary>The incident this change fixes; an emergency linked to an active incident may start during it.</summary>
    public string? IncidentId { get; init; }

    /// <summary>The approvals it holds that admission cares about (IMOC for an emergency; EOC+IMOC in a hard lock; VPE for an exception).</summary>
    public IReadOnlySet<ApproverRole> Approvals { get; init; } = new HashSet<ApproverRole>();

    public ExceptionCategory? Exception { get; init; }

    /// <summary>The change only deploys to canary (seed 2: soft PCLs allow canary deploys, whose impact is controlled).</summary>
    public bool CanaryOnly { get; init; }

    public IReadOnlyList<AdmissionOverride> Overrides { get; init; } = [];

    /// <summary>Approved exceptions to named locks; each lets this change through its one lock only.</summary>
    public IReadOnlyList<LockExceptionGrant> LockExceptions { get; init; } = [];

    /// <summary>
    /// The question for a filed change: its current revision's type, criticality, services, environment, planned start
    /// (or <paramref name="start"/>, e.g. now for /change start), duration, incident, the roles of its live approvals,
    /// and the lock exceptions approved for its current revision (an edit voids them, as it voids approvals).
    /// </summary>
    public static AdmissionQuery For(
        ChangeRequest change,
        DateTimeOffset? start = null,
        IReadOnlyList<AdmissionOverride>? overrides = null,
        ExceptionCategory? exception = null,
        IReadOnlyList<LockExceptionGrant>? lockExceptions = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        var content = change.Content;
        return new AdmissionQuery
        {
            Type = content.Type,
            Criticality = content.EffectiveCriticality,
            Services = content.Services,
            Environment = content.Environment,
            Start = start ?? content.PlannedStart,
            Duration = content.EstimatedDuration,
            ChangeId = change.Id,
            IncidentId = content.IncidentId,
            Approvals = change.CurrentApprovals.Select(a => a.Role).ToHashSet(),
            Exception = exception,
            Overrides = overrides ?? [],
            LockExceptions = [.. (lockExceptions ?? []).Where(e => e.ChangeId == change.Id && e.Revision == change.Revision)],
        };
    }

    public TimeInterval Period => new(Start, Start + (Duration > TimeSpan.Zero ? Duration : TimeSpan.FromTicks(1)));
}
