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

    public IReadOnlyList<AdmissionOverride> Overrides { get; init; } = [];

    public TimeInterval Period => new(Start, Start + (Duration > TimeSpan.Zero ? Duration : TimeSpan.FromTicks(1)));
}
