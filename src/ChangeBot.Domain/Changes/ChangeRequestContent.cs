using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Changes;

/// <summary>
/// Everything a requester fills in and may later edit; each edit becomes a new revision of the change request.
/// It holds raw input (strings for links and people) so that <see cref="Validate"/> can report every problem at
/// once, keyed by <see cref="ChangeRequestFields"/>. People are Slack user ids.
/// </summary>
public sealed record ChangeRequestContent
{
    public required string Title { get; init; }

    public required ChangeType Type { get; init; }

    /// <summary>The criticality the requester chose; <c>null</c> takes the one the risk assessment forces.</summary>
    public Criticality? Criticality { get; init; }

    public required RiskAssessment Risk { get; init; }

    public required string Environment { get; init; }

    public required IReadOnlyList<string> Services { get; init; }

    /// <summary>Who runs the change; ideally not the requester (seed 2).</summary>
    public required string Executor { get; init; }

    public required string ImplementationPlan { get; init; }

    public required string RollbackPlan { get; init; }

    public IReadOnlyList<RollbackTrigger> RollbackTriggers { get; init; } = [];

    public required IReadOnlyList<string> PreflightChecks { get; init; }

    public required IReadOnlyList<string> PostChecks { get; init; }

    public required DateTimeOffset PlannedStart { get; init; }

    public required TimeSpan EstimatedDuration { get; init; }

    public IReadOnlyList<RolloutStageDefinition> RolloutStages { get; init; } = RolloutStageDefinition.Defaults;

    /// <summary>Output of the script's dry run, for reviewers (seed 2: scripted changes have a dry-run mode).</summary>
    public string? DryRunLink { get; init; }

    public IReadOnlyList<ChangeLink> Links { get; init; } = [];

    /// <summary>EMOC: the tactical leader of the change; required for C1 and C2.</summary>
    public string? EventManager { get; init; }

    /// <summary>CMOC: keeps stakeholders informed; required for C1 and C2 normal (maintenance) changes.</summary>
    public string? CommunicationsManager { get; init; }

    /// <summary>The dedicated change bridge (video call) for C1 and C2 changes.</summary>
    public string? BridgeLink { get; init; }

    /// <summary>The incident an emergency change fixes; such a change may start during that incident.</summary>
    public string? IncidentId { get; init; }

    /// <summary>The template a standard change follows; standard changes are pre-approved once it has been approved.</summary>
    public string? StandardTemplate { get; init; }

    /// <summary>The chosen criticality, or else the least critical one the risk assessment allows.</summary>
    public Criticality EffectiveCriticality => Criticality ?? Risk.MinimumCriticality;

    /// <summary>
    /// Checks every rule a person can fix in the form. <paramref name="requester"/> is who files the change (for the
    /// planner-is-executor warning); <paramref name="stageMinimums"/>, when given, are the policy's minimum monitoring
    /// times by stage name, which a plan may lengthen but not shorten.
    /// </summary>
    public ContentValidation Validate(
        string requester,
        DateTimeOffset now,
        IReadOnlyList<RolloutStageDefinition>? stageMinimums = null) =>
        new ChangeRequestContentValidator(this, requester, now, stageMinimums).Run();

    /// <summary>
    /// A copy whose lists are the revision's own (a caller keeping and changing its list must not rewrite history),
    /// with absent optional lists as empty ones.
    /// </summary>
    internal ChangeRequestContent Frozen() => this with
    {
        Services = [.. Services ?? []],
        RollbackTriggers = [.. RollbackTriggers ?? []],
        PreflightChecks = [.. PreflightChecks ?? []],
        PostChecks = [.. PostChecks ?? []],
        RolloutStages = [.. RolloutStages ?? []],
        Links = [.. Links ?? []],
    };

    public bool Equals(ChangeRequestContent? other) =>
        other is not null
        && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && Type == other.Type
        && Criticality == other.Criticality
        && Risk == other.Risk
        && string.Equals(Environment, other.Environment, StringComparison.Ordinal)
        && Services.SequenceEqual(other.Services, StringComparer.Ordinal)
        && string.Equals(Executor, other.Executor, StringComparison.Ordinal)
        && string.Equals(ImplementationPlan, other.ImplementationPlan, StringComparison.Ordinal)
        && string.Equals(RollbackPlan, other.RollbackPlan, StringComparison.Ordinal)
        && RollbackTriggers.SequenceEqual(other.RollbackTriggers)
        && PreflightChecks.SequenceEqual(other.PreflightChecks, StringComparer.Ordinal)
        && PostChecks.SequenceEqual(other.PostChecks, StringComparer.Ordinal)
        && PlannedStart == other.PlannedStart
        && PlannedStart.Offset == other.PlannedStart.Offset
        && EstimatedDuration == other.EstimatedDuration
        && RolloutStages.SequenceEqual(other.RolloutStages)
        && string.Equals(DryRunLink, other.DryRunLink, StringComparison.Ordinal)
        && Links.SequenceEqual(other.Links)
        && string.Equals(EventManager, other.EventManager, StringComparison.Ordinal)
        && string.Equals(CommunicationsManager, other.CommunicationsManager, StringComparison.Ordinal)
        && string.Equals(BridgeLink, other.BridgeLink, StringComparison.Ordinal)
        && string.Equals(IncidentId, other.IncidentId, StringComparison.Ordinal)
        && string.Equals(StandardTemplate, other.StandardTemplate, StringComparison.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(Title, Type, Risk, PlannedStart, EstimatedDuration, Executor, Services.Count);
}
