using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Triggers;
using ChangeBot.Features.Monitoring;
using ChangeBot.Testing.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Monitoring;

/// <summary>Each test stops a real server, so each has servers of its own.</summary>
public class MonitoringOutageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    private static readonly RollbackTrigger TargetDown = new(
        RollbackTriggerKind.Immediate,
        "The service is down for 2 minutes",
        new MetricCondition("up", MetricComparison.Below, 1, TimeSpan.FromMinutes(2)));

    [Fact]
    public async Task CheckNowAsync_PrometheusStopped_IsDownWithTheReasonSinceTheFirstFailedCheck()
    {
        await MonitoringServers.RunAsync(async servers =>
        {
            var time = new FakeTimeProvider(T0);
            await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, time);
            var status = provider.GetRequiredService<IMonitoringStatus>();
            Assert.Equal(MonitoringState.Up, (await status.CheckNowAsync(CancellationToken.None)).State);

            servers.StopPrometheus();
            time.Advance(TimeSpan.FromSeconds(30));
            await status.CheckNowAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(30));
            var down = await status.CheckNowAsync(CancellationToken.None);

            Assert.Equal(MonitoringState.Down, down.State);
            Assert.True(down.BlocksElectiveChanges);
            Assert.Equal(T0.AddSeconds(30), down.Since);
            Assert.Equal(T0.AddMinutes(1), down.LastCheckedAt);
            Assert.StartsWith($"Prometheus could not be reached at {servers.PrometheusUrl} for /-/ready: ", down.Reason, StringComparison.Ordinal);
            Assert.Equal($"No metrics, no changes: monitoring is down since 2026-03-03 02:00:30 UTC ({down.Reason}).", down.Summary);
        });
    }

    [Fact]
    public async Task CheckNowAsync_AlertmanagerStopped_IsDownNamingAlertmanager()
    {
        await MonitoringServers.RunAsync(async servers =>
        {
            await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, new FakeTimeProvider(T0));
            servers.StopAlertmanager();

            var down = await provider.GetRequiredService<IMonitoringStatus>().CheckNowAsync(CancellationToken.None);

            Assert.Equal(MonitoringState.Down, down.State);
            Assert.StartsWith($"Alertmanager could not be reached at {servers.AlertmanagerUrl} for /api/v2/status: ", down.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task EvaluateAsync_PrometheusStoppedDuringTheRollout_FiresTheFailSafeOnceAfterTheGrace()
    {
        await MonitoringServers.RunAsync(async servers =>
        {
            var time = new FakeTimeProvider(T0);
            await using var provider = MonitoringServices.Build(
                servers.PrometheusUrl, servers.AlertmanagerUrl, time, ("Monitoring:DataUnavailableFor", "00:01:00"));
            var status = provider.GetRequiredService<IMonitoringStatus>();
            var runner = provider.GetRequiredService<RollbackTriggerRunner>();
            var watch = new RollbackTriggerWatch([TargetDown], TimeSpan.FromMinutes(1));
            await status.CheckNowAsync(CancellationToken.None);
            Assert.Empty(await runner.EvaluateAsync(watch, null, CancellationToken.None));

            servers.StopPrometheus();
            var firings = new List<RollbackFiring>();
            for (var step = 0; step < 8; step++)
            {
                time.Advance(TimeSpan.FromSeconds(30));
                await status.CheckNowAsync(CancellationToken.None);
                firings.AddRange(await runner.EvaluateAsync(watch, null, CancellationToken.None));
            }

            var firing = Assert.Single(firings);
            Assert.True(firing.IsFailSafe);
            Assert.Equal(T0.AddSeconds(90), firing.At);
            Assert.StartsWith("Rollback triggered: monitoring data unavailable for 1m (Prometheus could not be reached", firing.Text, StringComparison.Ordinal);
        });
    }
}
