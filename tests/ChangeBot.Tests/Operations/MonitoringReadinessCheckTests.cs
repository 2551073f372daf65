using ChangeBot.Features.Monitoring;
using ChangeBot.Features.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace ChangeBot.Tests.Operations;

public class MonitoringReadinessCheckTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static async Task<HealthCheckResult> CheckAsync(MonitoringState state, bool required)
    {
        var monitoring = Substitute.For<IMonitoringStatus>();
        monitoring.Current.Returns(new MonitoringSnapshot(state, Since, Since, state == MonitoringState.Down ? "Prometheus did not answer /-/ready within 2 s" : null));
        var check = new MonitoringReadinessCheck(monitoring, Options.Create(new MonitoringOptions { Required = required }));
        return await check.CheckHealthAsync(new HealthCheckContext());
    }

    [Fact]
    public async Task Check_MonitoringDownNotRequired_DegradedSoStillReady()
    {
        var result = await CheckAsync(MonitoringState.Down, required: false);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("No metrics, no changes", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MonitoringDownAndRequired_Unhealthy()
    {
        var result = await CheckAsync(MonitoringState.Down, required: true);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("Prometheus did not answer", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MonitoringState.Up)]
    [InlineData(MonitoringState.NotConfigured)]
    public async Task Check_MonitoringUpOrNotConfigured_HealthyWithItsSummary(MonitoringState state)
    {
        var result = await CheckAsync(state, required: false);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Description));
    }
}
