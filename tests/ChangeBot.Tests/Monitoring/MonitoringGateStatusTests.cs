using ChangeBot.Features.Monitoring;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace ChangeBot.Tests.Monitoring;

/// <summary>Admission's "no metrics, no changes" port over the monitoring gate (a port, so substituted).</summary>
public sealed class MonitoringGateStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MonitoringState.Up, true)]
    [InlineData(MonitoringState.NotConfigured, true)]
    [InlineData(MonitoringState.Down, false)]
    public async Task CurrentAsync_FreshCheck_DownBlocksOthersLetThrough(MonitoringState state, bool up)
    {
        var gate = Substitute.For<IMonitoringStatus>();
        gate.Current.Returns(new MonitoringSnapshot(state, Now.AddMinutes(-5), Now, state == MonitoringState.Down ? "Prometheus did not answer" : null));

        var status = await Port(gate).CurrentAsync(CancellationToken.None);

        Assert.Equal(up, status.Up);
        Assert.Equal(up ? null : Now.AddMinutes(-5), status.Since);
        await gate.DidNotReceive().CheckNowAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CurrentAsync_LastCheckOlderThanTheInterval_AsksTheStackNowAndTrustsThatAnswer()
    {
        var gate = Substitute.For<IMonitoringStatus>();
        gate.Current.Returns(new MonitoringSnapshot(MonitoringState.Up, Now.AddHours(-2), Now.AddMinutes(-10), null));
        gate.CheckNowAsync(Arg.Any<CancellationToken>())
            .Returns(new MonitoringSnapshot(MonitoringState.Down, Now, Now, "Prometheus did not answer /-/ready within 2 s"));

        var status = await Port(gate).CurrentAsync(CancellationToken.None);

        Assert.False(status.Up);
        Assert.Equal(Now, status.Since);
    }

    private static MonitoringGateStatus Port(IMonitoringStatus gate) =>
        new(gate, Options.Create(new MonitoringOptions { CheckInterval = TimeSpan.FromSeconds(30) }), new FakeTimeProvider(Now));
}
