using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Tests.Changes;

public class SnapshotTests
{
    private static readonly DateTimeOffset Now = ContentBuilder.Now;

    [Theory]
    [InlineData(ChangeState.Draft)]
    [InlineData(ChangeState.Submitted)]
    [InlineData(ChangeState.Approved)]
    [InlineData(ChangeState.Scheduled)]
    [InlineData(ChangeState.InProgress)]
    [InlineData(ChangeState.Monitoring)]
    [InlineData(ChangeState.Completed)]
    public void Rehydrate_FromASnapshot_GivesBackTheSameChange(ChangeState state)
    {
        var original = ChangeRequestBuilder.In(state);

        var copy = ChangeRequest.Rehydrate(original.ToSnapshot());

        AssertSame(original, copy);
    }

    [Fact]
    public void Rehydrate_PausedEditedChangeWithVoidedApprovals_KeepsEverything()
    {
        var original = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12))).Submitted();
        original.Approve(ChangeRequestBuilder.Reviewer(1), null, 1, Now);
        original.Edit(original.Content with { Title = "v2" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now);
        ChangeRequestBuilder.GiveAll(original, ApprovalGate.Approval);
        original.Schedule(ChangeRequestBuilder.RequesterActor, Now);
        original.Start(ChangeRequestBuilder.ExecutorActor, ChangeRequestBuilder.StartTime);
        original.Pause("Incident INC-3", ChangeRequestBuilder.StartTime.AddMinutes(1));

        var copy = ChangeRequest.Rehydrate(original.ToSnapshot());

        AssertSame(original, copy);
        Assert.True(copy.IsPaused);
        Assert.Equal("Incident INC-3", copy.PauseReason);
        Assert.Single(copy.Approvals, a => a.IsVoided);
    }

    [Fact]
    public void Rehydrate_ThenCarryOn_FollowsTheSameRules()
    {
        var stored = new ChangeRequestBuilder().Submitted().ToSnapshot();
        var change = ChangeRequest.Rehydrate(stored);

        var outcome = change.Approve(ChangeRequestBuilder.Reviewer(1), null, 1, Now);

        Assert.True(outcome.ChangeApproved);
        Assert.Equal(ChangeState.Submitted, stored.State);
    }

    [Fact]
    public void ToSnapshot_IsACopyThatLaterChangesDoNotTouch()
    {
        var change = new ChangeRequestBuilder().Submitted();
        var snapshot = change.ToSnapshot();

        change.Approve(ChangeRequestBuilder.Reviewer(1), null, 1, Now);

        Assert.Empty(snapshot.Approvals);
        Assert.Single(snapshot.Transitions);
    }

    [Fact]
    public void Rehydrate_WithoutRevisions_SaysTheStoredChangeIsInconsistent()
    {
        var snapshot = new ChangeRequestBuilder().Submitted().ToSnapshot() with { Revisions = [] };

        var error = Assert.Throws<DomainException>(() => ChangeRequest.Rehydrate(snapshot));

        Assert.Equal("The stored change request CR-2026-0451 is inconsistent: it has no revision.", error.Message);
    }

    [Fact]
    public void Rehydrate_RevisionsOutOfOrder_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();
        change.Edit(change.Content with { Title = "v2" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now);
        var snapshot = change.ToSnapshot() with { Revisions = [.. change.Revisions.Reverse()] };

        var error = Assert.Throws<DomainException>(() => ChangeRequest.Rehydrate(snapshot));

        Assert.EndsWith("revision 1 is missing or out of order.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rehydrate_SubmittedWithoutApprovalPlan_IsRefused()
    {
        var snapshot = new ChangeRequestBuilder().Submitted().ToSnapshot() with { ApprovalPlan = null };

        Assert.Throws<DomainException>(() => ChangeRequest.Rehydrate(snapshot));
    }

    [Fact]
    public void Rehydrate_CountingApprovalOnAnOldRevision_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();
        change.Edit(change.Content with { Title = "v2" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now);
        var stale = new Approval(ApprovalRequirementKeys.Reviewers, "U0REVIEW1", ApproverRole.Reviewer, 1, Now);
        var snapshot = change.ToSnapshot() with { Approvals = [stale] };

        var error = Assert.Throws<DomainException>(() => ChangeRequest.Rehydrate(snapshot));

        Assert.EndsWith("an approval that counts is pinned to a revision other than the current one.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rehydrate_InProgressWithoutStages_IsRefused()
    {
        var snapshot = new ChangeRequestBuilder().InProgress().ToSnapshot() with { Stages = [] };

        Assert.Throws<DomainException>(() => ChangeRequest.Rehydrate(snapshot));
    }

    [Fact]
    public void Rehydrate_MonitoringWithoutBakeStart_IsRefused()
    {
        var snapshot = new ChangeRequestBuilder().Monitoring().ToSnapshot() with { BakeStartedAt = null };

        Assert.Throws<DomainException>(() => ChangeRequest.Rehydrate(snapshot));
    }

    [Fact]
    public void Rehydrate_PausedButNotRunning_IsRefused()
    {
        var snapshot = new ChangeRequestBuilder().Scheduled().ToSnapshot() with { PauseReason = "Incident" };

        Assert.Throws<DomainException>(() => ChangeRequest.Rehydrate(snapshot));
    }

    [Fact]
    public void Rehydrate_MoreStagesThanThePlan_IsRefused()
    {
        var change = new ChangeRequestBuilder().InProgress();
        var extra = Enumerable.Range(0, 5).Select(i => new StageRun(i, "s", 5, TimeSpan.Zero, Now)).ToList();

        Assert.Throws<DomainException>(() => ChangeRequest.Rehydrate(change.ToSnapshot() with { Stages = extra }));
    }

    private static void AssertSame(ChangeRequest expected, ChangeRequest actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Requester, actual.Requester);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Revisions, actual.Revisions);
        Assert.Equal(expected.Approvals, actual.Approvals);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.Stages, actual.Stages);
        Assert.Equal(expected.BakeStartedAt, actual.BakeStartedAt);
        Assert.Equal(expected.PauseReason, actual.PauseReason);
        Assert.Equal(expected.RetrospectiveLink, actual.RetrospectiveLink);
        Assert.Equal(expected.ApprovalPlan?.Requirements, actual.ApprovalPlan?.Requirements);
        Assert.Equal(
            expected.ApprovalsStillNeeded().Select(o => (o.Requirement.Key, o.Remaining)),
            actual.ApprovalsStillNeeded().Select(o => (o.Requirement.Key, o.Remaining)));
    }
}
