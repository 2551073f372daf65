using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Tests.Changes;

public class RevisionTests
{
    private static readonly DateTimeOffset Now = ContentBuilder.Now;

    private static EditOutcome Edit(ChangeRequest change, Func<ChangeRequestContent, ChangeRequestContent> edit, Actor? editor = null) =>
        change.Edit(edit(change.Content), editor ?? ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now.AddMinutes(5));

    [Fact]
    public void Edit_EveryEdit_MakesTheNextRevision()
    {
        var change = new ChangeRequestBuilder().Submitted();

        Edit(change, c => c with { Title = "Second" });
        var outcome = Edit(change, c => c with { Title = "Third" });

        Assert.Equal(3, outcome.Revision);
        Assert.Equal([1, 2, 3], change.Revisions.Select(r => r.Number));
        Assert.Equal("Third", change.Title);
        Assert.Equal("Upgrade Redis cluster from 7.0 to 7.2", change.Revisions[0].Content.Title);
        Assert.Equal(Now.AddMinutes(5), change.CurrentRevision.EditedAt);
    }

    [Fact]
    public void Edit_AfterApproval_VoidsTheApprovalsAndSaysWhich()
    {
        var change = new ChangeRequestBuilder().Approved();
        var approvedBy = change.Approvals.Single().ApproverId;

        var outcome = Edit(change, c => c with { RollbackPlan = "helm rollback redis-cluster 41" });

        var voided = Assert.Single(outcome.Voided);
        Assert.Equal(approvedBy, voided.ApproverId);
        Assert.Equal(1, voided.Revision);
        Assert.Equal(2, voided.VoidedByRevision);
        Assert.Empty(change.CurrentApprovals);
        Assert.Equal(ChangeState.Approved, outcome.StateBefore);
        Assert.Equal(ChangeState.Submitted, outcome.StateAfter);
        Assert.Equal(ChangeState.Submitted, change.State);
        Assert.Equal(1, change.ApprovalsStillNeeded().Single().Remaining);
    }

    [Fact]
    public void Edit_PartlyApprovedChange_VoidsTheApprovalsGivenSoFar()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12))).Submitted();
        change.Approve(ChangeRequestBuilder.Reviewer(1), ApprovalRequirementKeys.Reviewers, 1, Now);
        change.Approve(ChangeRequestBuilder.Reviewer(2), ApprovalRequirementKeys.Reviewers, 1, Now);

        var outcome = Edit(change, c => c with { EstimatedDuration = TimeSpan.FromHours(1) });

        Assert.Equal(2, outcome.Voided.Count);
        Assert.Equal(3, change.ApprovalsStillNeeded().Single(o => o.Requirement.Key == ApprovalRequirementKeys.Reviewers).Remaining);
    }

    [Fact]
    public void Edit_ScheduledChange_GoesBackToWaitingForApprovalAndLosesItsSlot()
    {
        var change = new ChangeRequestBuilder().Scheduled();

        Edit(change, c => c with { PlannedStart = c.PlannedStart.AddHours(1) });

        Assert.Equal(ChangeState.Submitted, change.State);
        Assert.Equal("change::unscheduled", change.State.Label());
        Assert.Equal("edited (revision 2); approvals needed again", change.Transitions[^1].Reason);
    }

    [Fact]
    public void Edit_ApprovalOnTheNewRevision_Counts()
    {
        var change = new ChangeRequestBuilder().Approved();
        Edit(change, c => c with { Title = "Upgrade Redis to 7.2.4" });

        var outcome = change.Approve(ChangeRequestBuilder.Reviewer(7), null, 2, Now.AddMinutes(6));

        Assert.True(outcome.ChangeApproved);
        Assert.Equal(2, outcome.Approval.Revision);
    }

    [Fact]
    public void Edit_RaisingTheRisk_RecomputesTheApprovalsNeeded()
    {
        var change = new ChangeRequestBuilder().Submitted();

        Edit(change, _ => ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12)));

        Assert.Contains(change.ApprovalsStillNeeded(), o => o.Requirement.Key == ApprovalRequirementKeys.EocWritten);
        Assert.Equal(Criticality.C2, change.Criticality);
    }

    [Fact]
    public void Edit_CallerChangingItsListAfterwards_DoesNotRewriteTheRevision()
    {
        var change = new ChangeRequestBuilder().Submitted();
        var services = new List<string> { "redis-cluster-primary" };
        Edit(change, c => c with { Services = services });

        services.Add("payments-db");

        Assert.Equal(["redis-cluster-primary"], change.Content.Services);
    }

    [Fact]
    public void Edit_IdenticalContent_ChangesNothing()
    {
        var change = new ChangeRequestBuilder().Approved();

        var outcome = Edit(change, c => c with { Services = [.. c.Services] });

        Assert.False(outcome.Changed);
        Assert.Equal(1, outcome.Revision);
        Assert.Empty(outcome.Voided);
        Assert.Equal(ChangeState.Approved, change.State);
        Assert.Single(change.CurrentApprovals);
    }

    [Fact]
    public void Edit_Draft_StaysADraft()
    {
        var change = new ChangeRequestBuilder().Draft();

        var outcome = Edit(change, c => c with { Title = "Better title" });

        Assert.Equal(ChangeState.Draft, change.State);
        Assert.Equal(2, outcome.Revision);
        Assert.Null(change.ApprovalPlan);
    }

    [Fact]
    public void Edit_PreApprovedStandardChange_StaysApproved()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Standard()).TemplateAlreadyApproved().Submitted();

        var outcome = change.Edit(change.Content with { Title = "Scale web to 12" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, true, Now);

        Assert.Equal(ChangeState.Approved, outcome.StateAfter);
    }

    [Fact]
    public void Edit_PreApprovedStandardChangeKeptWithinItsTemplate_StaysScheduledWithoutAskingForApproval()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Standard()).TemplateAlreadyApproved().Submitted();
        change.Schedule(ChangeRequestBuilder.RequesterActor, Now);

        var outcome = Edit(change, c => c with { Title = "Scale web to 12", EstimatedDuration = TimeSpan.FromMinutes(20) });

        Assert.True(outcome.Changed);
        Assert.Equal(ChangeState.Scheduled, outcome.StateAfter);
        Assert.True(change.ApprovalPlan!.PreApprovedByTemplate);
        Assert.Empty(change.ApprovalsStillNeeded());
        Assert.Equal(ChangeState.Scheduled, change.Transitions[^1].To);
    }

    [Fact]
    public void Edit_PreApprovedStandardChangeWithLowerRisk_StaysPreApproved()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(6), ChangeType.Standard)).TemplateAlreadyApproved().Submitted();

        var outcome = Edit(change, c => c with { Risk = ContentBuilder.RiskScoring(5) });

        Assert.Equal(ChangeState.Approved, outcome.StateAfter);
        Assert.True(change.ApprovalPlan!.PreApprovedByTemplate);
    }

    [Theory]
    [InlineData("risk")]
    [InlineData("template")]
    [InlineData("type")]
    [InlineData("criticality")]
    public void Edit_PreApprovedStandardChangeLeavingItsTemplate_WaitsForApprovalAgain(string what)
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Standard()).TemplateAlreadyApproved().Submitted();
        change.Schedule(ChangeRequestBuilder.RequesterActor, Now);

        var outcome = Edit(change, c => what switch
        {
            "risk" => c with { Risk = ContentBuilder.RiskScoring(5) },
            "template" => c with { StandardTemplate = "rotate-certificate" },
            "type" => c with { Type = ChangeType.Normal, StandardTemplate = null },
            _ => c with { Criticality = Criticality.C3 },
        });

        Assert.Equal(ChangeState.Submitted, outcome.StateAfter);
        Assert.False(change.ApprovalPlan!.PreApprovedByTemplate);
        Assert.NotEmpty(change.ApprovalsStillNeeded());
    }

    [Fact]
    public void Edit_InvalidContent_IsRefusedAndTheRevisionStays()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var error = Assert.Throws<ContentRejectedException>(() => Edit(change, c => c with { RollbackPlan = "" }));

        Assert.Equal("A rollback plan is required before a change can be submitted.", error.Message);
        Assert.Equal(1, change.Revision);
    }

    [Fact]
    public void Edit_ReturnsWarningsToShow()
    {
        var change = new ChangeRequestBuilder().Submitted();

        var outcome = Edit(change, c => c with { Executor = ContentBuilder.Requester });

        Assert.Equal(ChangeRequestFields.Executor, Assert.Single(outcome.Warnings).Field);
    }

    [Fact]
    public void Edit_WhileRunning_IsRefused()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => Edit(change, c => c with { Title = "x" }));

        Assert.Equal("CR-2026-0451 is in progress; it can't be edited while it runs; roll it back or abort it, then file a new change.", error.Message);
    }

    [Fact]
    public void Edit_Completed_IsRefused()
    {
        var change = new ChangeRequestBuilder().Completed();

        var error = Assert.Throws<DomainException>(() => change.Edit(change.Content with { Title = "x" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, ChangeRequestBuilder.StartTime));

        Assert.Equal("CR-2026-0451 is completed; it can't be edited any more.", error.Message);
    }

    [Fact]
    public void Edit_ByTheExecutor_IsAllowedAndRecordsWho()
    {
        var change = new ChangeRequestBuilder().Submitted();

        Edit(change, c => c with { Title = "Executor's fix" }, ChangeRequestBuilder.ExecutorActor);

        Assert.Equal(ContentBuilder.Executor, change.CurrentRevision.EditedBy);
    }

    [Fact]
    public void Edit_ByAStranger_IsRefused()
    {
        var change = new ChangeRequestBuilder().Submitted();

        Assert.Throws<DomainException>(() => Edit(change, c => c with { Title = "x" }, Actor.Engineer("U0STRANGER")));
    }
}
