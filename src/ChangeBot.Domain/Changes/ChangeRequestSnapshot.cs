using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Changes;

/// <summary>
/// Everything a change request is, as stored: what <see cref="ChangeRequest.ToSnapshot"/> gives a repository and
/// <see cref="ChangeRequest.Rehydrate"/> takes back, without replaying any rule.
/// </summary>
public sealed record ChangeRequestSnapshot
{
    public required ChangeId Id { get; init; }

    public required string Requester { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required ChangeState State { get; init; }

    /// <summary>Every revision, oldest first, numbered 1, 2, 3…</summary>
    public required IReadOnlyList<ChangeRevision> Revisions { get; init; }

    /// <summary>The approvals the current revision needs; <c>null</c> while a draft.</summary>
    public ApprovalPlan? ApprovalPlan { get; init; }

    /// <summary>Every approval ever given, voided ones included.</summary>
    public IReadOnlyList<Approval> Approvals { get; init; } = [];

    /// <summary>Every state change, oldest first.</summary>
    public IReadOnlyList<StateTransition> Transitions { get; init; } = [];

    /// <summary>The rollout stages that have started, in order.</summary>
    public IReadOnlyList<StageRun> Stages { get; init; } = [];

    public DateTimeOffset? BakeStartedAt { get; init; }

    /// <summary>Why the rollout is paused (an incident was declared); <c>null</c> when it is not.</summary>
    public string? PauseReason { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>Link to the retrospective an emergency change owes, once written.</summary>
    public string? RetrospectiveLink { get; init; }
}
