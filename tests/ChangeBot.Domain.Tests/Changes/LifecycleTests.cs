using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Tests.Changes;

public class LifecycleTests
{
    private static readonly DateTimeOffset Now = ContentBuilder.Now;
    private static readonly Actor Stranger = Actor.Engineer("U0STRANGER");

    [Fact]
    public void File_ValidContent_IsSubmittedAsRevisionOneAndLabelledUnscheduled()
    {
        var change = new ChangeRequestBuilder().Submitted();

        Assert.Equal("CR-2026-0451", change.Id.ToString());
        Assert.Equal(ChangeState.Submitted, change.State);
        Assert.Equal(1, change.Revision);
        Assert.Equal(ContentBuilder.Requester, change.Requester);
        Assert.Equal("change::unscheduled", change.State.Label());
        Assert.NotNull(change.ApprovalPlan);
        Assert.Equal(
            [(ChangeState.Draft, ChangeState.Submitted)],
            change.Transitions.Select(t => (t.From, t.To)));
    }

    [Fact]
    public void Draft_InvalidContent_IsRefusedWithEveryFieldError()
    {
        var content = ContentBuilder.Normal() with { RollbackPlan = "", PostChecks = [] };

        var error = Assert.Throws<ContentRejectedException>(() =>
            ChangeRequest.Draft(ChangeId.Create(2026, 1), ContentBuilder.Requester, content, ChangeRules.Default, Now));

        Assert.Equal([ChangeRequestFields.RollbackPlan, ChangeRequestFields.PostChecks], error.Errors.Select(e => e.Field));
        Assert.Contains("A rollback plan is required before a change can be submitted.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_WithoutRequester_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() =>
            ChangeRequest.Draft(ChangeId.Create(2026, 1), " ", ContentBuilder.Normal(), ChangeRules.Default, Now));

        Assert.Equal("A change request needs a requester.", error.Message);
    }

    [Fact]
    public void Draft_HasNoApprovalPlanUntilSubmitted()
    {
        var change = new ChangeRequestBuilder().Draft();
        Assert.Equal(ChangeState.Draft, change.State);
        Assert.Null(change.ApprovalPlan);
        Assert.Null(change.State.Label());

        change.Submit(ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now);

        Assert.Equal(ChangeState.Submitted, change.State);
        Assert.NotNull(change.ApprovalPlan);
    }

    [Fact]
    public void Submit_DraftWhosePlannedStartHasPassed_IsRefused()
    {
        var change = new ChangeRequestBuilder().Draft();

        var error = Assert.Throws<ContentRejectedException>(() =>
            change.Submit(ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now.AddDays(2)));

        Assert.Equal(ChangeRequestFields.PlannedStart, Assert.Single(error.Errors).Field);
        Assert.Equal(ChangeState.Draft, change.State);
    }

    [Fact]
    public void Submit_Twice_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Submit(ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now));

        Assert.Equal("CR-2026-0451 is waiting for approval; it has already been submitted.", error.Message);
    }

    [Fact]
    public void Submit_BySomeoneElse_IsRefused()
    {
        var change = new ChangeRequestBuilder().Draft();

        var error = Assert.Throws<DomainException>(() => change.Submit(Stranger, ChangeRules.Default, false, Now));

        Assert.Equal("Only the requester (<@U0REQUEST>), the executor (<@U0EXECUTE>) or an admin can submit CR-2026-0451.", error.Message);
    }

    [Fact]
    public void File_StandardChangeWhoseTemplateWasApproved_IsApprovedAtOnce()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Standard()).TemplateAlreadyApproved().Submitted();

        Assert.Equal(ChangeState.Approved, change.State);
        Assert.True(change.ApprovalPlan!.PreApprovedByTemplate);
        Assert.Equal("pre-approved: its standard template was approved before", change.Transitions[^1].Reason);
    }

    [Fact]
    public void File_StandardChangeFirstTime_WaitsForReview()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Standard()).Submitted();

        Assert.Equal(ChangeState.Submitted, change.State);
    }

    [Fact]
    public void Schedule_ApprovedChange_IsLabelledScheduled()
    {
        var change = new ChangeRequestBuilder().Approved();

        change.Schedule(ChangeRequestBuilder.RequesterActor, Now);

        Assert.Equal(ChangeState.Scheduled, change.State);
        Assert.Equal("change::scheduled", change.State.Label());
    }

    [Fact]
    public void Schedule_BeforeApproval_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Schedule(ChangeRequestBuilder.RequesterActor, Now));

        Assert.Equal("CR-2026-0451 is waiting for approval; it can be scheduled once approved.", error.Message);
    }

    [Fact]
    public void Schedule_Twice_IsRefused()
    {
        var change = new ChangeRequestBuilder().Scheduled();

        var error = Assert.Throws<DomainException>(() => change.Schedule(ChangeRequestBuilder.RequesterActor, Now));

        Assert.Equal("CR-2026-0451 is scheduled; it can't be scheduled again.", error.Message);
    }

    [Fact]
    public void Schedule_ByAStranger_IsRefusedButTheEocMay()
    {
        var change = new ChangeRequestBuilder().Approved();

        Assert.Throws<DomainException>(() => change.Schedule(Stranger, Now));
        change.Schedule(ChangeRequestBuilder.Eoc, Now);

        Assert.Equal(ChangeState.Scheduled, change.State);
    }

    [Fact]
    public void Start_Completed_CantBeStartedAgain()
    {
        var change = new ChangeRequestBuilder().Completed();

        var error = Assert.Throws<DomainException>(() => change.Start(ChangeRequestBuilder.ExecutorActor, Now.AddDays(2)));

        Assert.Equal("CR-2026-0451 is completed; it can't be started again.", error.Message);
    }

    [Fact]
    public void Start_InProgress_CantBeStartedAgain()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => change.Start(ChangeRequestBuilder.ExecutorActor, Now.AddDays(2)));

        Assert.Equal("CR-2026-0451 is in progress; it can't be started again.", error.Message);
    }

    [Fact]
    public void Start_WaitingForApproval_ListsWhatIsStillNeeded()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Start(ChangeRequestBuilder.ExecutorActor, Now));

        Assert.Equal(
            "CR-2026-0451 is waiting for approval; it can't start until every approval is in. Still needed: Reviewers (1 more, reviewer).",
            error.Message);
    }

    [Fact]
    public void Start_ApprovedNormalChangeNotScheduled_AsksToScheduleFirst()
    {
        var change = new ChangeRequestBuilder().Approved();

        var error = Assert.Throws<DomainException>(() => change.Start(ChangeRequestBuilder.ExecutorActor, Now));

        Assert.Equal("CR-2026-0451 is approved; schedule it before starting it.", error.Message);
    }

    [Fact]
    public void Start_ApprovedStandardChange_StartsWithoutASlot()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Standard()).TemplateAlreadyApproved().Submitted();

        change.Start(ChangeRequestBuilder.ExecutorActor, Now);

        Assert.Equal(ChangeState.InProgress, change.State);
    }

    [Fact]
    public void Start_ApprovedEmergency_StartsWithoutASlot()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Emergency()).Approved();

        change.Start(ChangeRequestBuilder.ExecutorActor, Now);

        Assert.Equal(ChangeState.InProgress, change.State);
    }

    [Fact]
    public void Start_C1WithoutTheEocsBridgeConfirmation_IsRefused()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(15))).Scheduled();

        var error = Assert.Throws<DomainException>(() => change.Start(ChangeRequestBuilder.ExecutorActor, Now));

        Assert.Equal("CR-2026-0451 can't start yet. Still needed: EOC confirmation on the bridge (1 more, EOC).", error.Message);
        Assert.Equal(ChangeState.Scheduled, change.State);
    }

    [Fact]
    public void Start_BySomeoneOtherThanExecutorOrRequester_IsRefused()
    {
        var change = new ChangeRequestBuilder().Scheduled();

        var error = Assert.Throws<DomainException>(() => change.Start(ChangeRequestBuilder.Eoc, Now));

        Assert.Equal("Only the executor (<@U0EXECUTE>) or the requester (<@U0REQUEST>) can start CR-2026-0451.", error.Message);
    }

    [Theory]
    [InlineData(ChangeState.Draft)]
    [InlineData(ChangeState.Submitted)]
    [InlineData(ChangeState.Approved)]
    [InlineData(ChangeState.Scheduled)]
    public void Cancel_BeforeTheStart_CancelsWithTheReason(ChangeState state)
    {
        var change = ChangeRequestBuilder.In(state);

        change.Cancel(ChangeRequestBuilder.RequesterActor, "Superseded by CR-2026-0460", Now);

        Assert.Equal(ChangeState.Cancelled, change.State);
        Assert.Equal("Superseded by CR-2026-0460", change.LastReason);
    }

    [Fact]
    public void Cancel_Running_PointsToRollbackOrAbort()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => change.Cancel(ChangeRequestBuilder.RequesterActor, null, Now));

        Assert.Equal("CR-2026-0451 is in progress; it can't be cancelled once started; roll it back or abort it.", error.Message);
    }

    [Fact]
    public void Cancel_Cancelled_IsRefusedNotIgnored()
    {
        var change = new ChangeRequestBuilder().Submitted();
        change.Cancel(ChangeRequestBuilder.RequesterActor, null, Now);

        var error = Assert.Throws<DomainException>(() => change.Cancel(ChangeRequestBuilder.RequesterActor, null, Now));

        Assert.Equal("CR-2026-0451 is cancelled; it can't be cancelled.", error.Message);
    }

    [Fact]
    public void Cancel_ByAStranger_IsRefusedButAnAdminMay()
    {
        var change = new ChangeRequestBuilder().Submitted();

        Assert.Throws<DomainException>(() => change.Cancel(Stranger, null, Now));
        change.Cancel(ChangeRequestBuilder.Admin, "Abandoned", Now);

        Assert.Equal(ChangeState.Cancelled, change.State);
    }

    [Fact]
    public void Transitions_RecordWhoAndWhenForEveryStep()
    {
        var change = new ChangeRequestBuilder().Completed();

        Assert.Equal(
            [
                ChangeState.Submitted, ChangeState.Approved, ChangeState.Scheduled,
                ChangeState.InProgress, ChangeState.Monitoring, ChangeState.Completed,
            ],
            change.Transitions.Select(t => t.To));
        Assert.Equal(ContentBuilder.Executor, change.Transitions[^1].By);
        Assert.Equal(change.CompletedAt, change.Transitions[^1].At);
    }
}
