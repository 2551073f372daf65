using System.Globalization;

namespace ChangeBot.Domain.Changes;

/// <summary>
/// Catches a stored change request that can't be right (a bad migration, a hand edit) when it is loaded, with a
/// message that says what is wrong, instead of failing later in an unrelated rule.
/// </summary>
internal static class ChangeRequestSnapshotCheck
{
    internal static void Ensure(ChangeRequestSnapshot snapshot)
    {
        var problem = FindProblem(snapshot);
        if (problem is not null)
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture,
                $"The stored change request {snapshot.Id} is inconsistent: {problem}"));
        }
    }

    private static string? FindProblem(ChangeRequestSnapshot snapshot)
    {
        if (string.IsNullOrWhiteSpace(snapshot.Requester))
        {
            return "it has no requester.";
        }

        if (!Enum.IsDefined(snapshot.State))
        {
            return "its state is unknown.";
        }

        var revisions = snapshot.Revisions ?? [];
        if (revisions.Count == 0)
        {
            return "it has no revision.";
        }

        for (var index = 0; index < revisions.Count; index++)
        {
            if (revisions[index] is null || revisions[index].Number != index + 1 || revisions[index].Content is null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"revision {index + 1} is missing or out of order.");
            }
        }

        var stageCount = revisions[^1].Content.RolloutStages?.Count ?? 0;
        if (stageCount == 0)
        {
            return "its current revision has no rollout stage.";
        }

        if (snapshot.State != ChangeState.Draft && snapshot.ApprovalPlan is null)
        {
            return "it has left draft but has no approval plan.";
        }

        if ((snapshot.Approvals ?? []).Any(approval => approval is null || approval.Revision < 1 || approval.Revision > revisions.Count
            || (!approval.IsVoided && approval.Revision != revisions.Count)))
        {
            return "an approval that counts is pinned to a revision other than the current one.";
        }

        var stages = snapshot.Stages ?? [];
        if (stages.Count > stageCount || stages.Where((stage, index) => stage is null || stage.Index != index).Any())
        {
            return "its stage history doesn't match its rollout plan.";
        }

        var started = stages.Count > 0;
        var shouldHaveStarted = snapshot.State is ChangeState.InProgress or ChangeState.Monitoring or ChangeState.Completed
            or ChangeState.RolledBack or ChangeState.Aborted;
        if (shouldHaveStarted && !started)
        {
            return "it is past its start but has no stage history.";
        }

        if (snapshot.State is ChangeState.Monitoring or ChangeState.Completed && snapshot.BakeStartedAt is null)
        {
            return "it is baking or completed but its bake never started.";
        }

        if (snapshot.PauseReason is not null && snapshot.State is not (ChangeState.InProgress or ChangeState.Monitoring))
        {
            return "it is paused but not running.";
        }

        return null;
    }
}
