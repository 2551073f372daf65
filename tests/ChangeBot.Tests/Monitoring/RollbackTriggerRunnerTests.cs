using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Triggers;
using ChangeBot.Features.Monitoring;
using ChangeBot.Testing.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Monitoring;

/// <summary>
/// Rollback triggers evaluated against a real Prometheus scraping a metric the test sets. Prometheus gives the values;
/// the trigger durations run on a fake clock, moved a minute at a time between evaluations.
/// </summary>
public class RollbackTriggerRunnerTests(MonitoringServers servers) : IClassFixture<MonitoringServers>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EvaluateAsync_ErrorRateAboveItsThresholdForItsDuration_FiresExactlyOnce()
    {
        var gauge = "changebot_test_error_ratio_" + Guid.NewGuid().ToString("N");
        var trigger = new RollbackTrigger(
            RollbackTriggerKind.Immediate,
            "Error rate exceeds 5% for 2 consecutive minutes",
            new MetricCondition(gauge, MetricComparison.Above, 0.05, TimeSpan.FromMinutes(2)));
        var time = new FakeTimeProvider(T0);
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, time);
        var runner = provider.GetRequiredService<RollbackTriggerRunner>();
        var watch = new RollbackTriggerWatch([trigger], RollbackTriggerWatch.DefaultDataUnavailableFor);
        servers.Target.Set(gauge, 0.01);
        await servers.WaitForSampleAsync(gauge, 0.01);
        Assert.Empty(await runner.EvaluateAsync(watch, null, CancellationToken.None));

        servers.Target.Set(gauge, 0.07);
        await servers.WaitForSampleAsync(gauge, 0.07);
        var firings = new List<RollbackFiring>();
        for (var minute = 0; minute <= 10; minute++)
        {
            firings.AddRange(await runner.EvaluateAsync(watch, null, CancellationToken.None));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var firing = Assert.Single(firings);
        Assert.Equal(T0.AddMinutes(2), firing.At);
        Assert.Equal("Rollback triggered: Error rate exceeds 5% for 2 consecutive minutes, value 0.07", firing.Text);
    }

    [Fact]
    public async Task EvaluateAsync_TimeBoundedTriggerAfterTheDeploymentCompletes_FiresInItsWindowOnly()
    {
        var gauge = "changebot_test_error_ratio_" + Guid.NewGuid().ToString("N");
        var trigger = new RollbackTrigger(
            RollbackTriggerKind.TimeBounded,
            "Error rate above 1% in the 15 min after the deployment completes",
            new MetricCondition(gauge, MetricComparison.Above, 0.01, TimeSpan.Zero),
            TimeSpan.FromMinutes(15));
        var time = new FakeTimeProvider(T0);
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, time);
        var runner = provider.GetRequiredService<RollbackTriggerRunner>();
        var watch = new RollbackTriggerWatch([trigger], RollbackTriggerWatch.DefaultDataUnavailableFor);
        servers.Target.Set(gauge, 0.02);
        await servers.WaitForSampleAsync(gauge, 0.02);

        var whileRollingOut = await runner.EvaluateAsync(watch, deploymentCompletedAt: null, CancellationToken.None);
        var completed = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(3));
        var inWindow = await runner.EvaluateAsync(watch, completed, CancellationToken.None);

        Assert.Empty(whileRollingOut);
        Assert.Equal("Rollback triggered: Error rate above 1% in the 15 min after the deployment completes, value 0.02", Assert.Single(inWindow).Text);
    }

    [Fact]
    public async Task EvaluateAsync_MetricThatNoLongerExists_DoesNotFire()
    {
        var trigger = new RollbackTrigger(
            RollbackTriggerKind.Immediate,
            "Error rate exceeds 5%",
            new MetricCondition("changebot_test_never_scraped", MetricComparison.Above, 0.05, TimeSpan.Zero));
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, new FakeTimeProvider(T0));
        var watch = new RollbackTriggerWatch([trigger], TimeSpan.Zero);

        var firings = await provider.GetRequiredService<RollbackTriggerRunner>().EvaluateAsync(watch, null, CancellationToken.None);

        Assert.Empty(firings);
    }

    [Fact]
    public async Task EvaluateAsync_TriggerWithBadPromQl_FiresTheFailSafeWithPrometheusReason()
    {
        var trigger = new RollbackTrigger(
            RollbackTriggerKind.Immediate,
            "Error rate exceeds 5%",
            new MetricCondition("sum(rate(errors_total[1m]", MetricComparison.Above, 0.05, TimeSpan.Zero));
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, new FakeTimeProvider(T0));
        var watch = new RollbackTriggerWatch([trigger], TimeSpan.Zero);

        var firing = Assert.Single(await provider.GetRequiredService<RollbackTriggerRunner>().EvaluateAsync(watch, null, CancellationToken.None));

        Assert.True(firing.IsFailSafe);
        Assert.StartsWith("Rollback triggered: monitoring data unavailable (Error rate exceeds 5%: Prometheus refused the query", firing.Text, StringComparison.Ordinal);
    }
    [Fact]
    public async Task EvaluateAsync_ChangeRollingOutThenBaking_KeepsOneWatchAndStartsTheTimeBoundedWindowWhenTheDeploymentCompletes()
    {
        var gauge = "changebot_test_error_ratio_" + Guid.NewGuid().ToString("N");
        var immediate = new RollbackTrigger(
            RollbackTriggerKind.Immediate,
            "Error rate exceeds 5% for 2 consecutive minutes",
            new MetricCondition(gauge, MetricComparison.Above, 0.05, TimeSpan.FromMinutes(2)));
        var afterDeploy = new RollbackTrigger(
            RollbackTriggerKind.TimeBounded,
            "Error rate above 1% in the 15 min after the deployment completes",
            new MetricCondition(gauge, MetricComparison.Above, 0.01, TimeSpan.Zero),
            TimeSpan.FromMinutes(15));
        var time = new FakeTimeProvider(T0);
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, time);
        var runner = provider.GetRequiredService<RollbackTriggerRunner>();
        var change = RolloutChange.Started([immediate, afterDeploy], T0);
        servers.Target.Set(gauge, 0.03);
        await servers.WaitForSampleAsync(gauge, 0.03);

        var rollingOut = await runner.EvaluateAsync(change, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        change.Advance(Actor.Engineer(RolloutChange.Executor), time.GetUtcNow());
        var baking = await runner.EvaluateAsync(change, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(20));
        var afterTheWindow = await runner.EvaluateAsync(change, CancellationToken.None);

        Assert.Empty(rollingOut);
        Assert.Same(afterDeploy, Assert.Single(baking).Trigger);
        Assert.Empty(afterTheWindow);
        Assert.Same(runner.WatchFor(change), runner.WatchFor(change));
    }

    [Fact]
    public async Task EvaluateAsync_ChangeRolledBack_EvaluatesNothingAndForgetsItsWatch()
    {
        var trigger = new RollbackTrigger(
            RollbackTriggerKind.Immediate,
            "Nothing is scraped",
            new MetricCondition("up", MetricComparison.Below, 1, TimeSpan.Zero));
        var time = new FakeTimeProvider(T0);
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, time);
        var runner = provider.GetRequiredService<RollbackTriggerRunner>();
        var change = RolloutChange.Started([trigger], T0);
        var before = runner.WatchFor(change);

        change.Rollback(Actor.Engineer(RolloutChange.Executor), "rolled back by hand", T0.AddMinutes(1));
        var firings = await runner.EvaluateAsync(change, CancellationToken.None);

        Assert.Empty(firings);
        Assert.NotSame(before, runner.WatchFor(change));
    }

    [Fact]
    public async Task EvaluateAsync_MonitoringNotConfigured_EvaluatesNothing()
    {
        var trigger = new RollbackTrigger(
            RollbackTriggerKind.Immediate,
            "Nothing is scraped",
            new MetricCondition("up", MetricComparison.Below, 1, TimeSpan.Zero));
        await using var provider = MonitoringServices.Build(null, null, new FakeTimeProvider(T0));

        var firings = await provider.GetRequiredService<RollbackTriggerRunner>().EvaluateAsync(RolloutChange.Started([trigger], T0), CancellationToken.None);

        Assert.Empty(firings);
    }
}
