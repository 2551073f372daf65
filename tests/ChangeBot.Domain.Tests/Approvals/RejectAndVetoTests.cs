using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;

namespace ChangeBot.Domain.Tests.Approvals;

public class RejectAndVetoTests
{
    private static readonly DateTimeOffset Now = ContentBuilder.Now;

    [Fact]
    public void Reject_WithReason_RejectsTheChange()
    {
        var change = new ChangeRequestBuilder().Submitted();

        change.Reject(ChangeRequestBuilder.Reviewer(1), "The rollback plan skips the replica resync", 1, Now);

        Assert.Equal(ChangeState.Rejected, change.State);
        Assert.Equal("The rollback plan skips the replica resync", change.LastReason);
        Assert.Equal("U0REVIEW1", change.Transitions[^1].By);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reject_WithoutReason_IsRefused(string reason)
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Reject(ChangeRequestBuilder.Reviewer(1), reason, 1, Now));

        Assert.Equal("Say why you reject the change: a reason is required.", error.Message);
        Assert.Equal(ChangeState.Submitted, change.State);
    }

    [Fact]
    public void Reject_OwnChange_PointsToCancel()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Reject(ChangeRequestBuilder.RequesterActor, "never mind", 1, Now));

        Assert.Equal("You can't reject your own change; cancel CR-2026-0451 instead.", error.Message);
    }

    [Fact]
    public void Reject_ByNoneOfTheApproverRoles_IsRefused()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Emergency()).Submitted();

        var error = Assert.Throws<DomainException>(() => change.Reject(ChangeRequestBuilder.Reviewer(1), "no", 1, Now));

        Assert.Equal("Only someone who may approve CR-2026-0451 can reject it (incident commander), and you don't hold that role right now.", error.Message);
    }

    [Fact]
    public void Reject_StaleRevision_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();
        change.Edit(change.Content with { Title = "Different" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now);

        var error = Assert.Throws<DomainException>(() => change.Reject(ChangeRequestBuilder.Reviewer(1), "no", 1, Now));

        Assert.Contains("Review the change again before rejecting it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reject_ApprovedChange_PointsToTheVeto()
    {
        var change = new ChangeRequestBuilder().Approved();

        var error = Assert.Throws<DomainException>(() => change.Reject(ChangeRequestBuilder.Reviewer(1), "no", 1, Now));

        Assert.Equal("CR-2026-0451 is approved; it can't be rejected any more, but the EOC can veto it.", error.Message);
    }

    [Fact]
    public void Veto_ByTheEoc_StopsAChangeWaitingForApproval()
    {
        var change = new ChangeRequestBuilder().Submitted();

        change.Veto(ChangeRequestBuilder.Eoc, "Black Friday traffic", Now);

        Assert.Equal(ChangeState.Vetoed, change.State);
        Assert.Equal("Black Friday traffic", change.LastReason);
    }

    [Fact]
    public void Veto_ARunningChange_EndsTheCurrentStage()
    {
        var change = new ChangeRequestBuilder().InProgress();
        var at = ChangeRequestBuilder.StartTime.AddMinutes(3);

        change.Veto(ChangeRequestBuilder.Eoc, "Database failover in progress", at);

        Assert.Equal(ChangeState.Vetoed, change.State);
        Assert.Equal(at, change.Stages[^1].EndedAt);
    }

    [Theory]
    [InlineData(ChangeState.Draft)]
    [InlineData(ChangeState.Approved)]
    [InlineData(ChangeState.Scheduled)]
    [InlineData(ChangeState.Monitoring)]
    public void Veto_AnyTimeBeforeCompletion_IsAllowed(ChangeState state)
    {
        var change = ChangeRequestBuilder.In(state);

        change.Veto(ChangeRequestBuilder.Eoc, "On-call veto", ChangeRequestBuilder.StartTime.AddHours(3));

        Assert.Equal(ChangeState.Vetoed, change.State);
    }

    [Fact]
    public void Veto_Completed_IsRefused()
    {
        var change = new ChangeRequestBuilder().Completed();

        var error = Assert.Throws<DomainException>(() => change.Veto(ChangeRequestBuilder.Eoc, "too late", Now));

        Assert.Equal("CR-2026-0451 is completed; it can't be vetoed any more.", error.Message);
    }

    [Fact]
    public void Veto_WithoutTheEocRole_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Veto(ChangeRequestBuilder.Admin, "no", Now));

        Assert.Equal("Only the engineer on call (EOC) can veto CR-2026-0451, and you don't hold the EOC role right now.", error.Message);
    }

    [Fact]
    public void Veto_WithoutReason_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<DomainException>(() => change.Veto(ChangeRequestBuilder.Eoc, "", Now));

        Assert.Equal("Say why you veto the change: a reason is required.", error.Message);
    }
}
