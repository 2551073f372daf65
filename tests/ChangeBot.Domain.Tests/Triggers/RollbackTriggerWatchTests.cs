using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Triggers;

namespace ChangeBot.Domain.Tests.Triggers;

public class RollbackTriggerWatchTests
{
    private const string ErrorRate = "sum(rate(errors_total[1m])) / sum(rate(requests_total[1m]))";
    private const string ReadyPods = "sum(kube_deployment_status_replicas_ready{deployment=\"api\"})";

    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    private static readonly RollbackTrigger ErrorRateAbove5For2m = new(
        RollbackTriggerKind.Immediate,
        "Error rate exceeds 5% for 2 consecutive minutes",
        new MetricCondition(ErrorRate, MetricComparison.Above, 0.05, TimeSpan.FromMinutes(2)));

    private static readonly RollbackTrigger ReadyPodsBelow3 = new(
        RollbackTriggerKind.Immediate,
        "Fewer than 3 ready pods",
        new MetricCondition(ReadyPods, MetricComparison.Below, 3, TimeSpan.Zero));

    private static readonly RollbackTrigger ErrorRateAbove1In15mAfterDeploy = new(
        RollbackTriggerKind.TimeBounded,
        "Error rate above 1% in the 15 min after the deployment completes",
        new MetricCondition(ErrorRate, MetricComparison.Above, 0.01, TimeSpan.Zero),
        TimeSpan.FromMinutes(15));

    private static readonly RollbackTrigger OddLogs = new(RollbackTriggerKind.ManualReview, "Any unexpected log pattern not seen in staging");

    private static readonly RollbackTrigger PodsUnhealthyWithoutQuery = new(RollbackTriggerKind.Immediate, "Health check failures on more than 20% of pods");

    [Fact]
    public void Evaluate_ConditionHoldsForItsDuration_FiresOnceAtTheDuration()
    {
        var watch = Watch(ErrorRateAbove5For2m);

        Assert.Empty(ErrorRateAt(watch, T0, 0.07));
        Assert.Empty(ErrorRateAt(watch, T0.AddSeconds(119), 0.08));
        var firing = Assert.Single(ErrorRateAt(watch, T0.AddMinutes(2), 0.09));

        Assert.Same(ErrorRateAbove5For2m, firing.Trigger);
        Assert.Equal(T0.AddMinutes(2), firing.At);
        Assert.Equal("Rollback triggered: Error rate exceeds 5% for 2 consecutive minutes, value 0.09", firing.Text);
        Assert.False(firing.IsFailSafe);
    }

    [Fact]
    public void Evaluate_ConditionKeepsHoldingAfterFiring_DoesNotFireAgain()
    {
        var watch = Watch(ErrorRateAbove5For2m);
        ErrorRateAt(watch, T0, 0.07);
        Assert.Single(ErrorRateAt(watch, T0.AddMinutes(2), 0.07));

        for (var second = 130; second <= 3600; second += 10)
        {
            Assert.Empty(ErrorRateAt(watch, T0.AddSeconds(second), 0.2));
        }

        Assert.Equal(T0.AddMinutes(2), watch.States[0].FiredAt);
    }

    [Fact]
    public void Evaluate_ConditionClearsAndHoldsAgain_FiresAgainOnlyAfterTheFullDuration()
    {
        var watch = Watch(ErrorRateAbove5For2m);
        ErrorRateAt(watch, T0, 0.07);
        Assert.Single(ErrorRateAt(watch, T0.AddMinutes(2), 0.07));

        Assert.Empty(ErrorRateAt(watch, T0.AddMinutes(3), 0.01));
        Assert.False(watch.States[0].IsHolding);
        Assert.Empty(ErrorRateAt(watch, T0.AddMinutes(4), 0.07));
        Assert.Empty(ErrorRateAt(watch, T0.AddMinutes(5), 0.07));

        var again = Assert.Single(ErrorRateAt(watch, T0.AddMinutes(6), 0.07));
        Assert.Equal(T0.AddMinutes(6), again.At);
    }

    [Fact]
    public void Evaluate_OneSampleBelowTheThresholdInTheMiddle_RestartsTheDuration()
    {
        var watch = Watch(ErrorRateAbove5For2m);
        ErrorRateAt(watch, T0, 0.07);
        ErrorRateAt(watch, T0.AddSeconds(60), 0.04);
        ErrorRateAt(watch, T0.AddSeconds(70), 0.07);

        Assert.Empty(ErrorRateAt(watch, T0.AddSeconds(120), 0.07));
        Assert.Empty(ErrorRateAt(watch, T0.AddSeconds(189), 0.07));
        Assert.Single(ErrorRateAt(watch, T0.AddSeconds(190), 0.07));
    }

    [Fact]
    public void Evaluate_ValueExactlyAtTheThreshold_DoesNotHold()
    {
        var watch = Watch(ErrorRateAbove5For2m);

        ErrorRateAt(watch, T0, 0.05);

        Assert.False(watch.States[0].IsHolding);
        Assert.Equal(0.05, watch.States[0].LastValue);
    }

    [Fact]
    public void Evaluate_BelowConditionWithZeroDuration_FiresOnTheFirstLowSample()
    {
        var watch = Watch(ReadyPodsBelow3);

        Assert.Empty(watch.Evaluate(T0, null, Answers((ReadyPods, MetricObservation.Of(3)))));
        var firing = Assert.Single(watch.Evaluate(T0.AddSeconds(15), null, Answers((ReadyPods, MetricObservation.Of(2)))));

        Assert.Equal("Rollback triggered: Fewer than 3 ready pods, value 2", firing.Text);
    }

    [Fact]
    public void Evaluate_SeveralSeries_AnyOneHoldingIsEnoughAndTheWorstIsReported()
    {
        var above = Watch(ErrorRateAbove5For2m with { Metric = ErrorRateAbove5For2m.Metric! with { For = TimeSpan.Zero } });
        var below = Watch(ReadyPodsBelow3);

        var high = Assert.Single(above.Evaluate(T0, null, Answers((ErrorRate, MetricObservation.Of(0.01, 0.3, 0.06)))));
        var low = Assert.Single(below.Evaluate(T0, null, Answers((ReadyPods, MetricObservation.Of(5, 1, 2)))));

        Assert.Equal(0.3, high.Value);
        Assert.Equal(1, low.Value);
    }

    [Fact]
    public void Evaluate_NaNOrNoSeries_ClearsTheCondition()
    {
        var watch = Watch(ErrorRateAbove5For2m);
        ErrorRateAt(watch, T0, 0.07);

        watch.Evaluate(T0.AddSeconds(30), null, Answers((ErrorRate, MetricObservation.Of(double.NaN))));
        Assert.False(watch.States[0].IsHolding);

        ErrorRateAt(watch, T0.AddSeconds(40), 0.07);
        watch.Evaluate(T0.AddSeconds(50), null, Answers((ErrorRate, MetricObservation.NoData)));
        Assert.False(watch.States[0].IsHolding);
        Assert.Empty(watch.Evaluate(T0.AddMinutes(10), null, Answers((ErrorRate, MetricObservation.NoData))));
    }

    [Fact]
    public void Evaluate_TimeBoundedBeforeTheDeploymentCompletes_IsNotWatched()
    {
        var watch = Watch(ErrorRateAbove1In15mAfterDeploy);

        Assert.Empty(watch.ExpressionsDue(T0, deploymentCompletedAt: null));
        Assert.Empty(watch.Evaluate(T0, null, Answers((ErrorRate, MetricObservation.Of(0.5)))));
        Assert.Empty(watch.Evaluate(T0.AddMinutes(1), T0.AddMinutes(5), Answers((ErrorRate, MetricObservation.Of(0.5)))));
    }

    [Fact]
    public void Evaluate_TimeBoundedWithinItsWindow_Fires()
    {
        var completed = T0.AddMinutes(45);
        var watch = Watch(ErrorRateAbove1In15mAfterDeploy);

        Assert.Equal([ErrorRate], watch.ExpressionsDue(completed.AddMinutes(14), completed));
        var firing = Assert.Single(watch.Evaluate(completed.AddMinutes(14), completed, Answers((ErrorRate, MetricObservation.Of(0.02)))));

        Assert.Equal("Rollback triggered: Error rate above 1% in the 15 min after the deployment completes, value 0.02", firing.Text);
    }

    [Fact]
    public void Evaluate_TimeBoundedAtOrAfterTheEndOfItsWindow_NeverFires()
    {
        var completed = T0.AddMinutes(45);
        var watch = Watch(ErrorRateAbove1In15mAfterDeploy);

        Assert.Empty(watch.ExpressionsDue(completed.AddMinutes(15), completed));
        Assert.Empty(watch.Evaluate(completed.AddMinutes(15), completed, Answers((ErrorRate, MetricObservation.Of(0.5)))));
        Assert.Empty(watch.Evaluate(completed.AddHours(1), completed, Answers((ErrorRate, MetricObservation.Of(0.5)))));
    }

    [Fact]
    public void Evaluate_TimeBoundedStillShortOfItsDurationWhenTheWindowEnds_DoesNotFire()
    {
        var completed = T0;
        var trigger = ErrorRateAbove1In15mAfterDeploy with { Metric = ErrorRateAbove1In15mAfterDeploy.Metric! with { For = TimeSpan.FromMinutes(5) } };
        var watch = Watch(trigger);

        Assert.Empty(watch.Evaluate(completed.AddMinutes(12), completed, Answers((ErrorRate, MetricObservation.Of(0.5)))));
        Assert.Empty(watch.Evaluate(completed.AddMinutes(15), completed, Answers((ErrorRate, MetricObservation.Of(0.5)))));
        Assert.Empty(watch.Evaluate(completed.AddMinutes(17), completed, Answers((ErrorRate, MetricObservation.Of(0.5)))));
        Assert.False(watch.States[0].IsHolding);
    }

    [Fact]
    public void Evaluate_QueryUnavailableForTheGrace_FiresTheFailSafeOnceWithTheReason()
    {
        var watch = Watch(ErrorRateAbove5For2m);
        var down = Answers((ErrorRate, MetricObservation.Unavailable("Prometheus did not answer /api/v1/query within 2 s")));

        Assert.Empty(watch.Evaluate(T0, null, down));
        Assert.Empty(watch.Evaluate(T0.AddSeconds(59), null, down));
        var firing = Assert.Single(watch.Evaluate(T0.AddMinutes(1), null, down));
        Assert.Empty(watch.Evaluate(T0.AddMinutes(5), null, down));

        Assert.True(firing.IsFailSafe);
        Assert.Null(firing.Value);
        Assert.Equal(
            "Rollback triggered: monitoring data unavailable for 1m (Error rate exceeds 5% for 2 consecutive minutes: Prometheus did not answer /api/v1/query within 2 s)",
            firing.Text);
    }

    [Fact]
    public void Evaluate_MonitoringDownWithoutAnyMetricTrigger_FiresTheFailSafe()
    {
        var watch = new RollbackTriggerWatch([OddLogs], TimeSpan.Zero);

        var firing = Assert.Single(watch.Evaluate(T0, null, Answers(), "Prometheus did not answer /-/ready within 2 s"));

        Assert.Equal("Rollback triggered: monitoring data unavailable (Prometheus did not answer /-/ready within 2 s)", firing.Text);
    }

    [Fact]
    public void Evaluate_DataBackAfterTheFailSafeFired_ReArmsIt()
    {
        var watch = new RollbackTriggerWatch([ErrorRateAbove5For2m], TimeSpan.FromSeconds(30));
        Assert.Empty(watch.Evaluate(T0, null, Answers(), "Alertmanager refused the connection"));
        Assert.Single(watch.Evaluate(T0.AddSeconds(30), null, Answers(), "Alertmanager refused the connection"));

        Assert.Empty(ErrorRateAt(watch, T0.AddSeconds(40), 0.01));
        Assert.False(watch.FailSafe.IsHolding);
        Assert.Empty(watch.Evaluate(T0.AddSeconds(50), null, Answers(), "Alertmanager refused the connection"));
        Assert.Single(watch.Evaluate(T0.AddSeconds(80), null, Answers(), "Alertmanager refused the connection"));
    }

    [Fact]
    public void Evaluate_DueQueryMissingFromTheAnswers_CountsAsUnavailable()
    {
        var watch = new RollbackTriggerWatch([ErrorRateAbove5For2m], TimeSpan.Zero);

        var firing = Assert.Single(watch.Evaluate(T0, null, Answers()));

        Assert.Contains("the query was not asked", firing.Condition, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DataUnavailableWhileHolding_KeepsTheSpellWithoutFiringOnIt()
    {
        var watch = new RollbackTriggerWatch([ErrorRateAbove5For2m], TimeSpan.FromHours(1));
        ErrorRateAt(watch, T0, 0.07);

        var gap = watch.Evaluate(T0.AddMinutes(3), null, Answers((ErrorRate, MetricObservation.Unavailable("timeout"))));
        Assert.Empty(gap);
        Assert.Equal(T0, watch.States[0].HoldingSince);

        var firing = Assert.Single(ErrorRateAt(watch, T0.AddMinutes(4), 0.07));
        Assert.Same(ErrorRateAbove5For2m, firing.Trigger);
    }

    [Fact]
    public void Constructor_ManualReviewAndQuerylessTriggers_AreLeftForPeople()
    {
        var watch = Watch(ErrorRateAbove5For2m, OddLogs, PodsUnhealthyWithoutQuery, ErrorRateAbove1In15mAfterDeploy);

        Assert.Equal([ErrorRateAbove5For2m, ErrorRateAbove1In15mAfterDeploy], watch.Watched);
        Assert.Equal([OddLogs, PodsUnhealthyWithoutQuery], watch.ForPeople);
    }

    [Fact]
    public void ExpressionsDue_TwoTriggersOnOneQuery_AsksOnce()
    {
        var watch = Watch(ErrorRateAbove5For2m, ErrorRateAbove1In15mAfterDeploy, ReadyPodsBelow3);

        Assert.Equal([ErrorRate, ReadyPods], watch.ExpressionsDue(T0.AddMinutes(1), T0));
    }

    [Fact]
    public void Evaluate_OneQueryForTwoTriggers_EachFiresOnItsOwnTerms()
    {
        var completed = T0;
        var watch = Watch(ErrorRateAbove5For2m, ErrorRateAbove1In15mAfterDeploy);

        var first = watch.Evaluate(completed, completed, Answers((ErrorRate, MetricObservation.Of(0.06))));
        var later = watch.Evaluate(completed.AddMinutes(2), completed, Answers((ErrorRate, MetricObservation.Of(0.06))));

        Assert.Same(ErrorRateAbove1In15mAfterDeploy, Assert.Single(first).Trigger);
        Assert.Same(ErrorRateAbove5For2m, Assert.Single(later).Trigger);
    }

    [Fact]
    public void Constructor_FromStoredStates_ContinuesTheSpell()
    {
        var before = Watch(ErrorRateAbove5For2m);
        ErrorRateAt(before, T0, 0.07);

        var after = new RollbackTriggerWatch([ErrorRateAbove5For2m], RollbackTriggerWatch.DefaultDataUnavailableFor, before.States, before.FailSafe);

        Assert.Single(ErrorRateAt(after, T0.AddMinutes(2), 0.07));
    }

    [Fact]
    public void Constructor_StoredStatesOfAnotherRevision_IsRefused()
    {
        var stored = new[] { TriggerWatchState.Clear, TriggerWatchState.Clear };

        var error = Assert.Throws<ArgumentException>(() => new RollbackTriggerWatch([ErrorRateAbove5For2m], TimeSpan.Zero, stored));

        Assert.Contains("2 states for 1 watched triggers", error.Message, StringComparison.Ordinal);
    }

    private static RollbackTriggerWatch Watch(params RollbackTrigger[] triggers) =>
        new(triggers, RollbackTriggerWatch.DefaultDataUnavailableFor);

    private static IReadOnlyList<RollbackFiring> ErrorRateAt(RollbackTriggerWatch watch, DateTimeOffset now, double value) =>
        watch.Evaluate(now, null, Answers((ErrorRate, MetricObservation.Of(value))));

    private static Dictionary<string, MetricObservation> Answers(params (string PromQl, MetricObservation Observation)[] answers) =>
        answers.ToDictionary(answer => answer.PromQl, answer => answer.Observation, StringComparer.Ordinal);
}
