using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;

namespace ChangeBot.Tests.Changes;

/// <summary>Change requests in the states the renderer tests need, built through the domain's own transitions.</summary>
internal static class Changes
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Start = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    public static ChangeRequestContent Content(RiskAssessment? risk = null) => new()
    {
        Title = "Upgrade Redis cluster from 7.0 to 7.2",
        Type = ChangeType.Normal,
        Risk = risk ?? new RiskAssessment(2, 2, 2, 1),
        Environment = "production",
        Services = ["redis-cluster-primary", "session-cache"],
        Executor = "U0BOB",
        ImplementationPlan = "Upgrade the replicas, fail over, upgrade the old primary.",
        RollbackPlan = "Fail back to the 7.0 primary.",
        RollbackTriggers = [new RollbackTrigger(RollbackTriggerKind.Immediate, "Error rate exceeds 5% for 2 consecutive minutes")],
        PreflightChecks = ["Replication lag under 1 s"],
        PostChecks = ["p99 latency under 5 ms"],
        PlannedStart = Start,
        EstimatedDuration = TimeSpan.FromMinutes(45),
    };

    /// <summary>A medium-risk C3 change waiting for two reviewers and the EOC's acknowledgement.</summary>
    public static ChangeRequest Submitted() =>
        ChangeRequest.File(ChangeId.Create(2026, 1), "U0ALICE", Content(), ChangeRules.Default, templateAlreadyApproved: false, Now);

    public static ChangeRequest Scheduled()
    {
        var change = Submitted();
        change.Approve(Actor.Engineer("U0REV1"), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Actor.Engineer("U0REV2"), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Actor.Engineer("U0EOC", ApproverRole.Eoc), ApprovalRequirementKeys.EocAcknowledgement, 1, Now);
        change.Schedule(new Actor("changebot", new HashSet<ApproverRole> { ApproverRole.Admin }), Now);
        return change;
    }
}
