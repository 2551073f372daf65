using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Changes;

/// <summary>
/// The parts of the policy a change request itself obeys when filed, edited and submitted: who must approve it, and
/// the shortest monitoring time each named rollout stage may have.
/// </summary>
public sealed record ChangeRules(ApprovalRules Approvals, IReadOnlyList<RolloutStageDefinition> StageMinimums)
{
    /// <summary>Both seeds' defaults: <see cref="ApprovalRules.Default"/> and <see cref="RolloutStageDefinition.Defaults"/>.</summary>
    public static ChangeRules Default { get; } = new(ApprovalRules.Default, RolloutStageDefinition.Defaults);
}
