using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Tests.Monitoring;

/// <summary>
/// A low-risk standard change whose template is already approved, so it may start at once: the shortest legal path
/// to a change that is rolling out, for the runner's tests.
/// </summary>
internal static class RolloutChange
{
    public const string Executor = "U0EXECUTE";

    public static ChangeRequest Started(IReadOnlyList<RollbackTrigger> triggers, DateTimeOffset now)
    {
        var content = new ChangeRequestContent
        {
            Title = "Scale the checkout deployment to 12 replicas",
            Type = ChangeType.Standard,
            StandardTemplate = "scale-deployment",
            Risk = new RiskAssessment(1, 1, 1, 1),
            Environment = "production",
            Services = ["checkout"],
            Executor = Executor,
            ImplementationPlan = "kubectl scale deployment/checkout --replicas=12",
            RollbackPlan = "kubectl scale deployment/checkout --replicas=8",
            RollbackTriggers = triggers,
            PreflightChecks = ["The cluster has room for four more pods"],
            PostChecks = ["12 pods are ready"],
            PlannedStart = now,
            EstimatedDuration = TimeSpan.FromMinutes(30),
            // One stage, so the next advance completes the deployment and the bake begins.
            RolloutStages = [new RolloutStageDefinition("full", 100, TimeSpan.FromHours(1))],
        };
        var change = ChangeRequest.File(ChangeId.Create(2026, 451), "U0REQUEST", content, ChangeRules.Default, templateAlreadyApproved: true, now);
        change.Start(Actor.Engineer(Executor), now);
        return change;
    }
}
