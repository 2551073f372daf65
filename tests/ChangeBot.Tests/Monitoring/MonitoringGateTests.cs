using ChangeBot.Features.Monitoring;
using ChangeBot.Testing.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Monitoring;

/// <summary>The monitoring gate against a real Prometheus and Alertmanager.</summary>
public class MonitoringGateTests(MonitoringServers servers) : IClassFixture<MonitoringServers>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CheckNowAsync_PrometheusAndAlertmanagerAnswer_IsUpSinceTheCheck()
    {
        var time = new FakeTimeProvider(T0);
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, time);
        var status = provider.GetRequiredService<IMonitoringStatus>();
        Assert.True(status.Current.BlocksElectiveChanges);
        Assert.Equal("not checked yet", status.Current.Reason);

        var up = await status.CheckNowAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        var again = await status.CheckNowAsync(CancellationToken.None);

        Assert.Equal(MonitoringState.Up, up.State);
        Assert.False(up.BlocksElectiveChanges);
        Assert.Null(up.Reason);
        Assert.Equal(T0, again.Since);
        Assert.Equal(T0.AddSeconds(30), again.LastCheckedAt);
        Assert.Same(again, status.Current);
    }

    [Fact]
    public async Task CheckNowAsync_QueryWithNoSeries_IsDownAndSaysSo()
    {
        await using var provider = MonitoringServices.Build(
            servers.PrometheusUrl, servers.AlertmanagerUrl, new FakeTimeProvider(T0), ("Monitoring:Prometheus:Query", "up{job=\"nothing-scrapes-this\"}"));

        var down = await provider.GetRequiredService<IMonitoringStatus>().CheckNowAsync(CancellationToken.None);

        Assert.Equal(MonitoringState.Down, down.State);
        Assert.Equal("Prometheus answered the query `up{job=\"nothing-scrapes-this\"}` with no series: it has nothing to show", down.Reason);
    }

    [Fact]
    public async Task CheckNowAsync_ServersThatNeverAnswer_IsDownNamingEachAndTheTimeout()
    {
        await using var silent = await SilentServer.StartAsync();
        await using var provider = MonitoringServices.Build(silent.Url, silent.Url, TimeProvider.System, ("Monitoring:Timeout", "00:00:00.5"));

        var down = await provider.GetRequiredService<IMonitoringStatus>().CheckNowAsync(CancellationToken.None);

        Assert.Equal(MonitoringState.Down, down.State);
        Assert.Equal("Prometheus did not answer /-/ready within 0.5 s; Alertmanager did not answer /api/v2/status within 0.5 s", down.Reason);
        Assert.StartsWith("No metrics, no changes: monitoring is down since ", down.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ScrapedGauge_IsAVectorWithItsLabelsAndValue()
    {
        var gauge = "changebot_test_queue_depth_" + Guid.NewGuid().ToString("N");
        servers.Target.Set(gauge, 42.5);
        await servers.WaitForSampleAsync(gauge, 42.5);
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, TimeProvider.System);

        var result = await provider.GetRequiredService<PrometheusClient>().QueryAsync(gauge, CancellationToken.None);

        Assert.Equal(PrometheusResultType.Vector, result.Type);
        var sample = Assert.Single(result.Samples);
        Assert.Equal(42.5, sample.Value);
        Assert.Equal("target", sample.Labels["job"]);
        Assert.Equal(gauge, sample.Labels["__name__"]);
    }

    [Theory]
    [InlineData("2 * 21", 42)]
    [InlineData("1 / 0", double.PositiveInfinity)]
    [InlineData("-1 / 0", double.NegativeInfinity)]
    [InlineData("0 / 0", double.NaN)]
    public async Task QueryAsync_ScalarExpression_IsOneSampleWithTheNumber(string promQl, double expected)
    {
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, TimeProvider.System);

        var result = await provider.GetRequiredService<PrometheusClient>().QueryAsync(promQl, CancellationToken.None);

        Assert.Equal(PrometheusResultType.Scalar, result.Type);
        Assert.Equal(expected, Assert.Single(result.Samples).Value);
        Assert.Empty(result.Samples[0].Labels);
    }

    [Fact]
    public async Task QueryAsync_BadPromQl_IsRejectedWithPrometheusReason()
    {
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, TimeProvider.System);

        var error = await Assert.ThrowsAsync<MonitoringUnavailableException>(
            () => provider.GetRequiredService<PrometheusClient>().QueryAsync("sum(rate(errors_total[1m]", CancellationToken.None));

        Assert.Equal(MonitoringFailure.QueryRejected, error.Failure);
        Assert.Equal("bad_data", error.ErrorType);
        Assert.StartsWith("Prometheus refused the query `sum(rate(errors_total[1m]`: bad_data: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_RangeVector_IsRejectedWithHowToFixIt()
    {
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, TimeProvider.System);

        var error = await Assert.ThrowsAsync<MonitoringUnavailableException>(
            () => provider.GetRequiredService<PrometheusClient>().QueryAsync("up[1m]", CancellationToken.None));

        Assert.Equal(MonitoringFailure.QueryRejected, error.Failure);
        Assert.Contains("with a matrix; a rollback trigger needs an instant vector or a scalar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSilencesAsync_SilenceCreatedThroughAlertmanagersApi_IsListedWithMatchersCreatorAndEnd()
    {
        var now = TimeProvider.System.GetUtcNow();
        var endsAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddHours(2);
        var comment = "Redis upgrade CR-2026-0451 " + Guid.NewGuid().ToString("N");
        var id = await servers.CreateSilenceAsync("alice", comment, endsAt, ("alertname", "RedisReplicationLag", false), ("cluster", "redis-.*", true));
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, TimeProvider.System);

        var active = await provider.GetRequiredService<AlertmanagerClient>().GetSilencesAsync(CancellationToken.None, SilenceState.Active);

        var silence = Assert.Single(active, silence => silence.Id == id);
        Assert.Equal("alice", silence.CreatedBy);
        Assert.Equal(comment, silence.Comment);
        Assert.Equal(endsAt, silence.EndsAt);
        Assert.Equal("{alertname=\"RedisReplicationLag\", cluster=~\"redis-.*\"}", silence.MatchersText);
    }

    [Fact]
    public async Task GetStatusAsync_RunningAlertmanager_GivesItsVersionAndClusterState()
    {
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, TimeProvider.System);

        var status = await provider.GetRequiredService<AlertmanagerClient>().GetStatusAsync(CancellationToken.None);

        Assert.Matches(@"^\d+\.\d+\.\d+", status.Version);
        Assert.Equal("disabled", status.ClusterStatus);
        Assert.NotNull(status.RunningSince);
    }

    [Fact]
    public async Task GetActiveAlertsAsync_FiringAndSilencedAlerts_ListsOnlyTheUnsilencedOne()
    {
        var run = Guid.NewGuid().ToString("N");
        await servers.CreateSilenceAsync("bob", "known noise", TimeProvider.System.GetUtcNow().AddHours(1), ("run", run, false), ("alertname", "Noisy", false));
        await servers.FireAlertAsync(("alertname", "HighErrorRate"), ("severity", "critical"), ("run", run));
        await servers.FireAlertAsync(("alertname", "Noisy"), ("severity", "warning"), ("run", run));
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, TimeProvider.System);
        var alertmanager = provider.GetRequiredService<AlertmanagerClient>();

        // Alertmanager applies silences as it processes alerts; until then both may show as unprocessed.
        var mine = await Eventually.UntilAsync(
            async () => (await alertmanager.GetActiveAlertsAsync(CancellationToken.None)).Where(alert => alert.Labels.GetValueOrDefault("run") == run).ToList(),
            alerts => alerts.Count == 1 && alerts[0].State == "active",
            "the unsilenced alert alone to be active");

        Assert.Equal("HighErrorRate", mine[0].Labels["alertname"]);
        Assert.Equal("raised by a test", mine[0].Annotations["summary"]);
        Assert.NotEmpty(mine[0].Fingerprint);
    }
}
