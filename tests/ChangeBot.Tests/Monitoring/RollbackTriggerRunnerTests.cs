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
    private const string ErrorRateAbove5For2m = "Error rate exceeds 5% for 2 consecutive minutes";
    private const string ErrorRateAbove1AfterDeploy = "Error rate above 1% in the 15 min after the deployment completes";

    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(T0);

    [Fact]
    public async Task EvaluateAsync_ErrorRateAboveItsThresholdForItsDuration_FiresExactlyOnce()
    {
        var gauge = await ScrapedGaugeAsync(0.01);
        var trigger = Immediate(ErrorRateAbove5For2m, gauge, 0.05, TimeSpan.FromMinutes(2));
        await using var provider = Services();
        var runner = provider.GetRequiredService<RollbackTriggerRunner>();
        var watch = new RollbackTriggerWatch([trigger], RollbackTriggerWatch.DefaultDataUnavailableFor);
        Assert.Empty(await runner.EvaluateAsync(watch, null, CancellationToken.None));

        servers.Target.Set(gauge, 0.07);
        await servers.WaitForSampleAsync(gauge, 0.07);
        var firings = new List<RollbackFiring>();
        for (var minute = 0; minute <= 10; minute++)
        {
            firings.AddRange(await runner.EvaluateAsync(watch, null, CancellationToken.None));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var firing = Assert.Single(firings);
        Assert.Equal(T0.AddMinutes(2), firing.At);
        Assert.Equal("Rollback triggered: Error rate exceeds 5% for 2 consecutive minutes, value 0.07", firing.Text);
    }

    [Fact]
    public async Task EvaluateAsync_TimeBoundedTriggerAfterTheDeploymentCompletes_FiresInItsWindowOnly()
    {
        var gauge = await ScrapedGaugeAsync(0.02);
        await using var provider = Services();
        var runner = provider.GetRequiredService<RollbackTriggerRunner>();
        var watch = new RollbackTriggerWatch([AfterDeploy(gauge)], RollbackTriggerWatch.DefaultDataUnavailableFor);

        var whileRollingOut = await runner.EvaluateAsync(watch, deploymentCompletedAt: null, CancellationToken.None);
        var completed = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(3));
        var inWindow = await runner.EvaluateAsync(watch, completed, CancellationToken.None);

        Assert.Empty(whileRollingOut);
        Assert.Equal("Rollback triggered: Error rate above 1% in the 15 min after the deployment completes, value 0.02", Assert.Single(inWindow).Text);
    }

    [Fact]
    public async Task EvaluateAsync_MetricThatNoLongerExists_DoesNotFire()
    {
        await using var provider = Services();
        var watch = new RollbackTriggerWatch([Immediate("Error rate exceeds 5%", "changebot_test_never_scraped", 0.05, TimeSpan.Zero)], TimeSpan.Zero);

        var firings = await provider.GetRequiredService<RollbackTriggerRunner>().EvaluateAsync(watch, null, CancellationToken.None);

        Assert.Empty(firings);
    }

    [Fact]
    public async Task EvaluateAsync_TriggerWithBadPromQl_FiresTheFailSafeWithPrometheusReason()
    {
        await using var provider = Services();
        var watch = new RollbackTriggerWatch([Immediate("Error rate exceeds 5%", "sum(rate(errors_total[1m]", 0.05, TimeSpan.Zero)], TimeSpan.Zero);

        var firing = Assert.Single(await provider.GetRequiredService<RollbackTriggerRunner>().EvaluateAsync(watch, null, CancellationToken.None));

        Assert.True(firing.IsFailSafe);
        Assert.StartsWith("Rollback triggered: monitoring data unavailable (Error rate exceeds 5%: Prometheus refused the query", firing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateAsync_ChangeRollingOutThenBaking_KeepsOneWatchAndOpensTheTimeBoundedWindowWhenTheDeploymentCompletes()
    {
        var gauge = await ScrapedGaugeAsync(0.03);
        var afterDeploy = AfterDeploy(gauge);
        await using var provider = Services();
        var runner = provider.GetRequiredService<RollbackTriggerRunner>();
        var change = RolloutChange.Started([Immediate(ErrorRateAbove5For2m, gauge, 0.05, TimeSpan.FromMinutes(2)), afterDeploy], T0);

        var rollingOut = await runner.EvaluateAsync(change, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        change.Advance(Actor.Engineer(RolloutChange.Executor), _time.GetUtcNow());
        var baking = await runner.EvaluateAsync(change, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(20));
        var afterTheWindow = await runner.EvaluateAsync(change, CancellationToken.None);

        Assert.Empty(rollingOut);
        Assert.Same(afterDeploy, Assert.Single(baking).Trigger);
        Assert.Empty(afterTheWindow);
        Assert.Same(runner.WatchFor(change), runner.WatchFor(change));
    }

    [Fact]
    public async Task EvaluateAsync_ChangeRolledBack_EvaluatesNothingAndForgetsItsWatch()
    {
        await using var provider = Services();
        var runner = provider.GetRequiredService<RollbackTriggerRunner>();
        var change = RolloutChange.Started([TargetDown()], T0);
        var before = runner.WatchFor(change);

        change.Rollback(Actor.Engineer(RolloutChange.Executor), "rolled back by hand", T0.AddMinutes(1));
        var firings = await runner.EvaluateAsync(change, CancellationToken.None);

        Assert.Empty(firings);
        Assert.NotSame(before, runner.WatchFor(change));
    }

    [Fact]
    public async Task EvaluateAsync_MonitoringNotConfigured_EvaluatesNothing()
    {
        await using var provider = MonitoringServices.Build(null, null, _time);

        var firings = await provider.GetRequiredService<RollbackTriggerRunner>().EvaluateAsync(RolloutChange.Started([TargetDown()], T0), CancellationToken.None);

        Assert.Empty(firings);
    }

    private static RollbackTrigger Immediate(string description, string promQl, double above, TimeSpan holdingFor) =>
        new(RollbackTriggerKind.Immediate, description, new MetricCondition(promQl, MetricComparison.Above, above, holdingFor));

    private static RollbackTrigger AfterDeploy(string promQl) => new(
        RollbackTriggerKind.TimeBounded,
        ErrorRateAbove1AfterDeploy,
        new MetricCondition(promQl, MetricComparison.Above, 0.01, TimeSpan.Zero),
        TimeSpan.FromMinutes(15));

    /// <summary>A trigger on the scrape target being down, which it is not in these tests.</summary>
    private static RollbackTrigger TargetDown() =>
        new(RollbackTriggerKind.Immediate, "The target is down", new MetricCondition("up", MetricComparison.Below, 1, TimeSpan.Zero));

    /// <summary>A gauge of this test's own on the scrape target, already visible to queries at <paramref name="value"/>.</summary>
    private async Task<string> ScrapedGaugeAsync(double value)
    {
        var gauge = "changebot_test_error_ratio_" + Guid.NewGuid().ToString("N");
        servers.Target.Set(gauge, value);
        await servers.WaitForSampleAsync(gauge, value);
        return gauge;
    }

    private ServiceProvider Services() => MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, _time);
}
