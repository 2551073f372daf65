using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Rollout;
using ChangeBot.Domain.Tests.Changes;

namespace ChangeBot.Domain.Tests.Rollout;

public class RolloutTests
{
    private static readonly DateTimeOffset Start = ChangeRequestBuilder.StartTime;
    private static readonly Actor Executor = ChangeRequestBuilder.ExecutorActor;

    [Fact]
    public void Start_RecordsTheStartTimeAndBeginsTheFirstStage()
    {
        var change = new ChangeRequestBuilder().Scheduled();

        var step = change.Start(Executor, Start);

        Assert.Equal(ChangeState.InProgress, change.State);
        Assert.Equal(Start, change.StartedAt);
        Assert.Equal(new StageRun(0, "canary", 5, TimeSpan.FromMinutes(15), Start), change.CurrentStage);
        Assert.Equal(Start.AddMinutes(15), step.NextStepAt);
        Assert.False(step.BakeStarted);
    }

    [Fact]
    public void Advance_OneSecondBeforeTheStageMinimum_IsRefusedWithTheTimeLeft()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => change.Advance(Executor, Start.AddMinutes(15).AddSeconds(-1)));

        Assert.Equal(
            "The canary stage of CR-2026-0451 must be monitored for 15m before moving to limited: wait 1m more (until 10:15:00 UTC).",
            error.Message);
        Assert.Equal("canary", change.CurrentStage!.Name);
    }

    [Fact]
    public void Advance_ExactlyAtTheStageMinimum_MovesToTheNextStage()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var step = change.Advance(Executor, Start.AddMinutes(15));

        Assert.Equal(new StageRun(1, "limited", 25, TimeSpan.FromMinutes(15), Start.AddMinutes(15)), step.Stage);
        Assert.Equal(Start.AddMinutes(15), change.Stages[0].EndedAt);
        Assert.Equal(Start.AddMinutes(30), step.NextStepAt);
    }

    [Fact]
    public void Advance_EarlyInAStage_SaysTheWholeWaitRoundedUp()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => change.Advance(Executor, Start.AddMinutes(2).AddSeconds(30)));

        Assert.Contains("wait 13m more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_FromTheLastStage_StartsTheBakeAtOnce()
    {
        var change = new ChangeRequestBuilder().InProgress();
        change.Advance(Executor, Start.AddMinutes(15));
        change.Advance(Executor, Start.AddMinutes(30));
        change.Advance(Executor, Start.AddMinutes(45));
        Assert.Equal("full", change.CurrentStage!.Name);

        // The last stage's minimum is the bake: it is served after the full rollout, not before.
        var step = change.Advance(Executor, Start.AddMinutes(50));

        Assert.True(step.BakeStarted);
        Assert.Equal(ChangeState.Monitoring, change.State);
        Assert.Equal(Start.AddMinutes(50), change.BakeStartedAt);
        Assert.Equal(Start.AddMinutes(50).AddHours(1), change.BakeEndsAt);
        Assert.Equal(change.BakeEndsAt, step.NextStepAt);
    }

    [Fact]
    public void Advance_IntoTheLastStage_SaysTheBakeMayBeginAtOnce()
    {
        var change = new ChangeRequestBuilder().InProgress();
        change.Advance(Executor, Start.AddMinutes(15));
        change.Advance(Executor, Start.AddMinutes(30));

        var step = change.Advance(Executor, Start.AddMinutes(45));

        Assert.Equal("full", step.Stage.Name);
        Assert.Equal(Start.AddMinutes(45), step.NextStepAt);
    }

    [Fact]
    public void Advance_WhileBaking_IsRefused()
    {
        var change = new ChangeRequestBuilder().Monitoring();

        var error = Assert.Throws<DomainException>(() => change.Advance(Executor, Start.AddHours(5)));

        Assert.Equal("CR-2026-0451 is in its bake period; it is fully rolled out; complete it once the bake is over, or roll it back.", error.Message);
    }

    [Fact]
    public void Advance_NotStarted_IsRefused()
    {
        var change = new ChangeRequestBuilder().Scheduled();

        var error = Assert.Throws<DomainException>(() => change.Advance(Executor, Start));

        Assert.Equal("CR-2026-0451 is scheduled; start it before advancing it.", error.Message);
    }

    [Fact]
    public void Advance_ByAnotherEngineer_IsRefused()
    {
        var change = new ChangeRequestBuilder().InProgress();

        Assert.Throws<DomainException>(() => change.Advance(ChangeRequestBuilder.Reviewer(1), Start.AddHours(1)));
    }

    [Fact]
    public void Advance_StageWithoutMonitoringTime_MayMoveOnAtOnce()
    {
        var change = new ChangeRequestBuilder()
            .With(c => c with { RolloutStages = [new("canary", 5, TimeSpan.Zero), new("full", 100, TimeSpan.FromHours(1))] })
            .WithRules(ChangeRules.Default with { StageMinimums = [] })
            .InProgress();

        var step = change.Advance(Executor, Start);

        Assert.Equal("full", step.Stage.Name);
    }

    [Fact]
    public void Start_SingleStageRollout_RunsItThenBakes()
    {
        var change = new ChangeRequestBuilder().With(c => c with { RolloutStages = [new("full", 100, TimeSpan.FromHours(2))] }).InProgress();

        Assert.Equal("full", change.CurrentStage!.Name);
        change.Advance(Executor, Start.AddMinutes(10));

        Assert.Equal(ChangeState.Monitoring, change.State);
        Assert.Equal(Start.AddMinutes(10).AddHours(2), change.BakeEndsAt);
    }

    [Fact]
    public void Complete_OneSecondBeforeTheBakeEnds_IsRefusedWithTheTimeLeft()
    {
        var change = new ChangeRequestBuilder().Monitoring();
        var bakeEnds = change.BakeEndsAt!.Value;

        var error = Assert.Throws<DomainException>(() => change.Complete(Executor, bakeEnds.AddSeconds(-1)));

        Assert.Equal(
            $"CR-2026-0451 is baking for 1h: wait 1m more (until {bakeEnds:HH:mm:ss} UTC) before completing it.",
            error.Message);
    }

    [Fact]
    public void Complete_WhenTheBakeEnds_CompletesWithASummary()
    {
        var change = new ChangeRequestBuilder().Monitoring();
        var bakeEnds = change.BakeEndsAt!.Value;

        var summary = change.Complete(Executor, bakeEnds);

        Assert.Equal(ChangeState.Completed, change.State);
        Assert.Equal(bakeEnds, change.CompletedAt);
        Assert.Equal(Start, summary.StartedAt);
        Assert.Equal(bakeEnds, summary.CompletedAt);
        Assert.Equal(TimeSpan.FromMinutes(45) + TimeSpan.FromHours(1), summary.Duration);
        Assert.Equal(TimeSpan.FromMinutes(45), summary.RolloutDuration);
        Assert.Equal(TimeSpan.FromMinutes(45), summary.EstimatedDuration);
        Assert.Equal(["canary", "limited", "broad", "full"], summary.Stages.Select(s => s.Name));
        Assert.All(summary.Stages, s => Assert.NotNull(s.EndedAt));
        Assert.Equal(ApprovalRequirementKeys.Reviewers, Assert.Single(summary.Approvals).RequirementKey);
        Assert.Equal(summary.Stages, change.Summary()!.Stages);
        Assert.Equal(summary.CompletedAt, change.Summary()!.CompletedAt);
    }

    [Fact]
    public void Complete_StillRollingOut_SaysWhichStageItIsAt()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => change.Complete(Executor, Start.AddHours(5)));

        Assert.Equal("CR-2026-0451 is in progress; advance through every stage first (it is at canary).", error.Message);
    }

    [Fact]
    public void Complete_Twice_IsRefused()
    {
        var change = new ChangeRequestBuilder().Completed();

        var error = Assert.Throws<DomainException>(() => change.Complete(Executor, Start.AddDays(1)));

        Assert.Equal("CR-2026-0451 is completed; it can't be completed again.", error.Message);
    }

    [Fact]
    public void Summary_BeforeCompletion_IsNull()
    {
        Assert.Null(new ChangeRequestBuilder().Monitoring().Summary());
    }

    [Theory]
    [InlineData(ChangeState.InProgress)]
    [InlineData(ChangeState.Monitoring)]
    public void Rollback_RunningOrBaking_RollsBackWithTheReason(ChangeState state)
    {
        var change = ChangeRequestBuilder.In(state);

        change.Rollback(Executor, "Error rate above 5% for 2 minutes", Start.AddHours(3));

        Assert.Equal(ChangeState.RolledBack, change.State);
        Assert.Equal("Error rate above 5% for 2 minutes", change.LastReason);
        Assert.All(change.Stages, s => Assert.NotNull(s.EndedAt));
    }

    [Fact]
    public void Rollback_NotStarted_PointsToCancel()
    {
        var change = new ChangeRequestBuilder().Scheduled();

        var error = Assert.Throws<DomainException>(() => change.Rollback(Executor, "x", Start));

        Assert.Equal("CR-2026-0451 is scheduled; it hasn't started, so there is nothing to roll back; cancel it instead.", error.Message);
    }

    [Fact]
    public void Rollback_Completed_IsRefused()
    {
        var change = new ChangeRequestBuilder().Completed();

        var error = Assert.Throws<DomainException>(() => change.Rollback(Executor, "x", Start.AddDays(1)));

        Assert.Equal("CR-2026-0451 is completed; it has completed; undo it with a new change.", error.Message);
    }

    [Fact]
    public void Rollback_Twice_IsRefused()
    {
        var change = new ChangeRequestBuilder().InProgress();
        change.Rollback(Executor, "errors", Start.AddMinutes(1));

        var error = Assert.Throws<DomainException>(() => change.Rollback(Executor, "errors", Start.AddMinutes(2)));

        Assert.Equal("CR-2026-0451 is rolled back; it has already been rolled back.", error.Message);
    }

    [Fact]
    public void Rollback_WithoutReason_IsRefused()
    {
        var change = new ChangeRequestBuilder().InProgress();

        Assert.Throws<DomainException>(() => change.Rollback(Executor, " ", Start));
        Assert.Equal(ChangeState.InProgress, change.State);
    }

    [Fact]
    public void Rollback_ByTheNamedRollbackOperator_IsAllowed()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12))).InProgress();
        var operatorId = change.CurrentApprovals.Single(a => a.RequirementKey == ApprovalRequirementKeys.RollbackOperator).ApproverId;

        change.Rollback(Actor.Engineer(operatorId), "Replication lag above 30s", Start.AddMinutes(5));

        Assert.Equal(ChangeState.RolledBack, change.State);
    }

    [Fact]
    public void Rollback_ByTheEoc_IsAllowed()
    {
        var change = new ChangeRequestBuilder().InProgress();

        change.Rollback(ChangeRequestBuilder.Eoc, "Incident declared", Start.AddMinutes(5));

        Assert.Equal(ChangeState.RolledBack, change.State);
    }

    [Fact]
    public void Rollback_ByAnUninvolvedEngineer_IsRefused()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => change.Rollback(ChangeRequestBuilder.Reviewer(9), "x", Start));

        Assert.Equal("Only the executor (<@U0EXECUTE>), the requester, the rollback operator, the EOC or an admin can roll back CR-2026-0451.", error.Message);
    }

    [Fact]
    public void Abort_DuringTheRollout_AbortsWithTheReason()
    {
        var change = new ChangeRequestBuilder().InProgress();

        change.Abort(Executor, "Pre-flight check failed: replica 3 lagging", Start.AddMinutes(1));

        Assert.Equal(ChangeState.Aborted, change.State);
        Assert.Equal(Start.AddMinutes(1), change.Stages[0].EndedAt);
    }

    [Fact]
    public void Abort_WhileBaking_PointsToRollback()
    {
        var change = new ChangeRequestBuilder().Monitoring();

        var error = Assert.Throws<DomainException>(() => change.Abort(Executor, "x", Start.AddHours(2)));

        Assert.Equal("CR-2026-0451 is in its bake period; it is fully rolled out; roll it back instead of aborting it.", error.Message);
    }

    [Fact]
    public void Abort_NotStarted_PointsToCancel()
    {
        var change = new ChangeRequestBuilder().Approved();

        var error = Assert.Throws<DomainException>(() => change.Abort(Executor, "x", Start));

        Assert.Equal("CR-2026-0451 is approved; it hasn't started; cancel it instead.", error.Message);
    }

    [Fact]
    public void Pause_RefusesAdvanceUntilTheEocResumes()
    {
        var change = new ChangeRequestBuilder().InProgress();
        Assert.True(change.Pause("Incident INC-7 declared (S2)", Start.AddMinutes(5)));

        var error = Assert.Throws<DomainException>(() => change.Advance(Executor, Start.AddMinutes(20)));

        Assert.Equal(
            "CR-2026-0451 is paused (Incident INC-7 declared (S2)) and can't be advanced until the EOC resumes it. It can still be rolled back.",
            error.Message);
        change.Resume(ChangeRequestBuilder.Eoc);
        Assert.False(change.IsPaused);
        Assert.Equal("limited", change.Advance(Executor, Start.AddMinutes(20)).Stage.Name);
    }

    [Fact]
    public void Pause_RefusesCompletionToo()
    {
        var change = new ChangeRequestBuilder().Monitoring();
        change.Pause("Incident INC-8", Start.AddHours(1));

        var error = Assert.Throws<DomainException>(() => change.Complete(Executor, Start.AddHours(5)));

        Assert.Contains("can't be completed until the EOC resumes it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pause_StillAllowsRollback()
    {
        var change = new ChangeRequestBuilder().InProgress();
        change.Pause("Incident INC-9", Start.AddMinutes(1));

        change.Rollback(Executor, "Incident may be ours", Start.AddMinutes(2));

        Assert.Equal(ChangeState.RolledBack, change.State);
    }

    [Fact]
    public void Pause_AlreadyPaused_KeepsTheFirstReasonAndSaysSo()
    {
        var change = new ChangeRequestBuilder().InProgress();
        change.Pause("Incident INC-1", Start.AddMinutes(1));

        var paused = change.Pause("Incident INC-2", Start.AddMinutes(2));

        Assert.False(paused);
        Assert.Equal("Incident INC-1", change.PauseReason);
        Assert.Equal(Start.AddMinutes(1), change.PausedAt);
    }

    [Fact]
    public void Pause_NotRunning_IsRefused()
    {
        var change = new ChangeRequestBuilder().Scheduled();

        var error = Assert.Throws<DomainException>(() => change.Pause("Incident", Start));

        Assert.Equal("CR-2026-0451 is scheduled; only a change that is rolling out or baking can be paused.", error.Message);
    }

    [Fact]
    public void Resume_ByAnyoneButTheEoc_IsRefused()
    {
        var change = new ChangeRequestBuilder().InProgress();
        change.Pause("Incident", Start);

        var error = Assert.Throws<DomainException>(() => change.Resume(Executor));

        Assert.Equal("Only the engineer on call (EOC) can resume CR-2026-0451, and you don't hold the EOC role right now.", error.Message);
        Assert.True(change.IsPaused);
    }

    [Fact]
    public void Resume_NotPaused_IsRefused()
    {
        var change = new ChangeRequestBuilder().InProgress();

        var error = Assert.Throws<DomainException>(() => change.Resume(ChangeRequestBuilder.Eoc));

        Assert.Equal("CR-2026-0451 isn't paused, so there is nothing to resume.", error.Message);
    }

    [Fact]
    public void RetrospectiveOwed_EmergencyOnceStarted_UntilALinkIsAdded()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Emergency()).Approved();
        Assert.False(change.RetrospectiveOwed);

        change.Start(Executor, Start);
        Assert.True(change.RetrospectiveOwed);

        change.RecordRetrospective("https://docs.example.com/retro/inc-42");
        Assert.False(change.RetrospectiveOwed);
        Assert.Equal("https://docs.example.com/retro/inc-42", change.RetrospectiveLink);
    }

    [Fact]
    public void RetrospectiveDueAt_EmergencyThatEnded_IsDueThePolicysDaysAfterTheEnd()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Emergency()).InProgress();
        Assert.Equal(Start.AddDays(2), change.RetrospectiveDueAt(ApprovalRules.Default));

        change.Rollback(Executor, "Made it worse", Start.AddHours(1));

        Assert.Equal(Start.AddHours(1).AddDays(2), change.RetrospectiveDueAt(ApprovalRules.Default));
        change.RecordRetrospective("https://docs.example.com/retro/1");
        Assert.Null(change.RetrospectiveDueAt(ApprovalRules.Default));
    }

    [Fact]
    public void RetrospectiveOwed_NormalChange_IsNeverOwed()
    {
        var change = new ChangeRequestBuilder().Completed();

        Assert.False(change.RetrospectiveOwed);
        var error = Assert.Throws<DomainException>(() => change.RecordRetrospective("https://docs.example.com/retro"));
        Assert.Equal("CR-2026-0451 is a normal change; only emergency changes owe a retrospective.", error.Message);
    }

    [Fact]
    public void RecordRetrospective_NotAWebAddress_IsRefused()
    {
        var change = new ChangeRequestBuilder().With(ContentBuilder.Emergency()).InProgress();

        Assert.Throws<DomainException>(() => change.RecordRetrospective("retro doc"));
        Assert.True(change.RetrospectiveOwed);
    }
}
