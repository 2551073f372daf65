using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;

namespace ChangeBot.Domain.Tests.Approvals;

public class ApproveTests
{
    private static readonly DateTimeOffset Now = ContentBuilder.Now;

    private static ChangeRequest HighRiskC2() =>
        new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12))).Submitted();

    private static Actor Reviewer(int n) => ChangeRequestBuilder.Reviewer(n);

    [Fact]
    public void Approve_OwnChange_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() =>
            change.Approve(ChangeRequestBuilder.RequesterActor, ApprovalRequirementKeys.Reviewers, change.Revision, Now));

        Assert.Equal("You can't approve your own change.", error.Message);
        Assert.Empty(change.Approvals);
    }

    [Fact]
    public void Approve_OwnChangeEvenHoldingTheRole_IsRefused()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Normal() with { Risk = ContentBuilder.RiskScoring(8) }).Submitted();
        var requesterOnCall = Actor.Engineer(ContentBuilder.Requester, ApproverRole.Eoc);

        Assert.Throws<DomainException>(() => change.Approve(requesterOnCall, ApprovalRequirementKeys.EocAcknowledgement, 1, Now));
    }

    [Fact]
    public void Approve_RoleNotHeldAtTheClick_NamesTheRole()
    {
        var change = HighRiskC2();

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(1), ApprovalRequirementKeys.EocWritten, 1, Now));

        Assert.Equal("EOC written approval for CR-2026-0451 needs the EOC role, which you don't hold right now.", error.Message);
    }

    [Fact]
    public void Approve_StaleRevision_SaysTheChangeWasEditedAfterOpening()
    {
        var change = new ChangeRequestBuilder().Submitted();
        change.Edit(change.Content with { Title = "Upgrade Redis to 7.2.4" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now);

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(1), null, revision: 1, Now));

        Assert.Equal(
            "CR-2026-0451 was edited after you opened it: you saw revision 1, and it is now at revision 2. Review the change again before approving it.",
            error.Message);
    }

    [Fact]
    public void Approve_SamePersonSameRequirementTwice_IsRecordedOnce()
    {
        var change = HighRiskC2();
        change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);

        var again = change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now.AddSeconds(1));

        Assert.True(again.AlreadyRecorded);
        Assert.Single(change.Approvals);
        Assert.Equal(2, change.ApprovalsStillNeeded().Single(o => o.Requirement.Key == ApprovalRequirementKeys.Reviewers).Remaining);
    }

    [Fact]
    public void Approve_DoubleClickWithoutNamingARequirement_DoesNotCountTowardsASecondOne()
    {
        var change = HighRiskC2();
        change.Approve(Reviewer(1), null, 1, Now);

        var again = change.Approve(Reviewer(1), null, 1, Now);

        Assert.True(again.AlreadyRecorded);
        Assert.Single(change.Approvals);
    }

    [Fact]
    public void Approve_Quorum_CountsDistinctPeople()
    {
        var change = HighRiskC2();

        change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Reviewer(2), ApprovalRequirementKeys.Reviewers, 1, Now);

        var reviewers = change.ApprovalsStillNeeded().Single(o => o.Requirement.Key == ApprovalRequirementKeys.Reviewers);
        Assert.Equal(1, reviewers.Remaining);
        Assert.Equal(["U0REVIEW1", "U0REVIEW2"], reviewers.ApprovedBy);
    }

    [Fact]
    public void Approve_EveryRequirementMet_MovesTheChangeToApproved()
    {
        var change = HighRiskC2();
        change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Reviewer(2), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Reviewer(3), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Reviewer(4), ApprovalRequirementKeys.RollbackOperator, 1, Now);
        Assert.Equal(ChangeState.Submitted, change.State);

        var last = change.Approve(ChangeRequestBuilder.Eoc, ApprovalRequirementKeys.EocWritten, 1, Now);

        Assert.True(last.ChangeApproved);
        Assert.Empty(last.StillNeeded);
        Assert.Equal(ChangeState.Approved, change.State);
        Assert.Equal("change::unscheduled", change.State.Label());
    }

    [Fact]
    public void Approve_NotTheLastOne_LeavesTheChangeWaiting()
    {
        var change = HighRiskC2();

        var outcome = change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);

        Assert.False(outcome.ChangeApproved);
        Assert.Equal(ChangeState.Submitted, change.State);
        Assert.Equal(3, outcome.StillNeeded.Count);
    }

    [Fact]
    public void Approve_RequirementAlreadyMet_IsRefusedAndSaysWhatRemains()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Normal() with { Risk = ContentBuilder.RiskScoring(8) }).Submitted();
        change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Reviewer(2), ApprovalRequirementKeys.Reviewers, 1, Now);

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(3), ApprovalRequirementKeys.Reviewers, 1, Now));

        Assert.Equal(
            "CR-2026-0451 already has the reviewers it needs (2 of 2). Still needed: EOC acknowledgement (1 more, EOC).",
            error.Message);
    }

    [Fact]
    public void Approve_UnknownRequirement_ListsWhatIsNeeded()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(1), "director", 1, Now));

        Assert.Equal("CR-2026-0451 doesn't need 'director'. Still needed: Reviewers (1 more, reviewer).", error.Message);
    }

    [Fact]
    public void Approve_WithoutNamingARequirement_TheEocsClickCountsAsTheEocsApproval()
    {
        var change = HighRiskC2();

        var outcome = change.Approve(ChangeRequestBuilder.Eoc, null, 1, Now);

        Assert.Equal(ApprovalRequirementKeys.EocWritten, outcome.Approval.RequirementKey);
        Assert.Equal(ApproverRole.Eoc, outcome.Approval.Role);
    }

    [Fact]
    public void Approve_WithoutNamingARequirement_AnEngineerCountsAsAReviewer()
    {
        var change = HighRiskC2();

        var outcome = change.Approve(Reviewer(1), null, 1, Now);

        Assert.Equal(ApprovalRequirementKeys.Reviewers, outcome.Approval.RequirementKey);
    }

    [Fact]
    public void Approve_NothingLeftThatTheyCanGive_SaysWhichRoleIsNeeded()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Normal() with { Risk = ContentBuilder.RiskScoring(8) }).Submitted();
        change.Approve(Reviewer(1), null, 1, Now);
        change.Approve(Reviewer(2), null, 1, Now);

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(3), null, 1, Now));

        Assert.Equal(
            "Nothing left on CR-2026-0451 is yours to approve: what remains needs the EOC role, which you don't hold right now. Still needed: EOC acknowledgement (1 more, EOC).",
            error.Message);
    }

    [Fact]
    public void Approve_Draft_IsRefused()
    {
        var change = new ChangeRequestBuilder().Draft();

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(1), null, 1, Now));

        Assert.Equal("CR-2026-0451 is a draft; it has to be submitted before anyone can approve it.", error.Message);
    }

    [Fact]
    public void Approve_Started_IsRefusedBecauseApprovalsAreClosed()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(9), null, 1, Now));

        Assert.Equal("CR-2026-0451 is in progress; approvals closed when it started.", error.Message);
    }

    [Fact]
    public void Approve_Completed_IsRefused()
    {
        var change = new ChangeRequestBuilder().Completed();

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(9), null, 1, Now));

        Assert.Equal("CR-2026-0451 is completed; it can't be approved any more.", error.Message);
    }

    [Fact]
    public void Approve_ApprovedChange_IsRefusedForAnApprovalRequirement()
    {
        var change = new ChangeRequestBuilder().Approved();

        var error = Assert.Throws<DomainException>(() => change.Approve(Reviewer(9), null, 1, Now));

        Assert.Equal("CR-2026-0451 is approved; nothing is waiting for approval.", error.Message);
    }

    [Fact]
    public void Approve_BridgeConfirmation_IsGivenAfterSchedulingAndUnblocksTheStart()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(15))).Scheduled();
        Assert.Equal(ApprovalRequirementKeys.EocBridgeConfirmation, Assert.Single(change.ApprovalsStillNeeded()).Requirement.Key);

        var outcome = change.Approve(ChangeRequestBuilder.Eoc, null, change.Revision, Now);

        Assert.Equal(ApprovalRequirementKeys.EocBridgeConfirmation, outcome.Approval.RequirementKey);
        Assert.False(outcome.ChangeApproved);
        Assert.Equal(ChangeState.Scheduled, change.State);
        Assert.Empty(change.ApprovalsStillNeeded());
    }

    [Fact]
    public void Approve_BridgeConfirmationBeforeApproval_IsRefusedBecauseItIsGivenAtTheStart()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(15))).Submitted();

        var error = Assert.Throws<DomainException>(() =>
            change.Approve(ChangeRequestBuilder.Eoc, ApprovalRequirementKeys.EocBridgeConfirmation, 1, Now));

        Assert.Equal(
            "EOC confirmation on the bridge is given just before CR-2026-0451 starts, once it is approved; it is still waiting for approval.",
            error.Message);
    }

    [Fact]
    public void Approve_EocClickWhileWaitingForApproval_GivesTheWrittenApprovalNotTheBridgeConfirmation()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(15))).Submitted();

        var outcome = change.Approve(ChangeRequestBuilder.Eoc, null, 1, Now);

        Assert.Equal(ApprovalRequirementKeys.EocWritten, outcome.Approval.RequirementKey);
    }

    [Fact]
    public void Approve_EocWhoApprovedInWriting_ConfirmsOnTheBridgeWithABareClick()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(15))).Submitted();
        ChangeRequestBuilder.GiveAll(change, ApprovalGate.Approval);
        var writtenBy = change.CurrentApprovals.Single(a => a.RequirementKey == ApprovalRequirementKeys.EocWritten).ApproverId;
        change.Schedule(ChangeRequestBuilder.RequesterActor, Now);

        var outcome = change.Approve(Actor.Engineer(writtenBy, ApproverRole.Eoc), null, change.Revision, Now);

        Assert.False(outcome.AlreadyRecorded);
        Assert.Equal(ApprovalRequirementKeys.EocBridgeConfirmation, outcome.Approval.RequirementKey);
    }

    [Fact]
    public void Approve_BlankUserId_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Actor.Engineer(" "));

        Assert.Contains("the user id is blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_UserIdWithSpaces_IsTheSamePerson()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Approve(Actor.Engineer($" {ContentBuilder.Requester} "), null, 1, Now));

        Assert.Equal("You can't approve your own change.", error.Message);
    }

    [Fact]
    public void Approve_C1WaitingForBridgeConfirmation_IsApprovedWithoutIt()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(15))).Submitted();

        ChangeRequestBuilder.GiveAll(change, ApprovalGate.Approval);

        Assert.Equal(ChangeState.Approved, change.State);
    }

    [Fact]
    public void Approve_Emergency_OnlyTheIncidentCommanderCan()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Emergency()).Submitted();

        var refused = Assert.Throws<DomainException>(() => change.Approve(ChangeRequestBuilder.Eoc, null, 1, Now));
        var outcome = change.Approve(Actor.Engineer("U0IMOC", ApproverRole.IncidentCommander), null, 1, Now);

        Assert.Contains("incident commander role", refused.Message, StringComparison.Ordinal);
        Assert.True(outcome.ChangeApproved);
    }

    [Fact]
    public void Approve_OnePersonMayGiveDifferentRequirements_WhenTheyNameThem()
    {
        var change = HighRiskC2();

        change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(Reviewer(1), ApprovalRequirementKeys.RollbackOperator, 1, Now);

        Assert.Equal(2, change.Approvals.Count);
    }

    [Fact]
    public void ApprovalsStillNeeded_SaysRequirementRemainingAndRole()
    {
        var change = HighRiskC2();
        change.Approve(Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);

        var needed = change.ApprovalsStillNeeded();

        Assert.Equal(
            [(ApprovalRequirementKeys.Reviewers, 2, ApproverRole.Reviewer), (ApprovalRequirementKeys.RollbackOperator, 1, ApproverRole.Reviewer), (ApprovalRequirementKeys.EocWritten, 1, ApproverRole.Eoc)],
            needed.Select(o => (o.Requirement.Key, o.Remaining, o.Requirement.Role)));
    }

    [Fact]
    public void ApprovalsStillNeeded_Draft_IsEmpty()
    {
        Assert.Empty(new ChangeRequestBuilder().Draft().ApprovalsStillNeeded());
    }
}
