using ChangeBot.Features.Execution;
using ChangeBot.Features.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace ChangeBot.Tests.Execution;

/// <summary>Admission's monitoring port over the monitoring gate (a port, so substituted).</summary>
public sealed class MonitoringLiveStateTests
{
    private static readonly DateTimeOffset Since = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MonitoringState.Up, true)]
    [InlineData(MonitoringState.NotConfigured, true)]
    [InlineData(MonitoringState.Down, false)]
    public async Task CurrentAsync_GateState_DownBlocksOthersLetThrough(MonitoringState state, bool up)
    {
        var gate = Substitute.For<IMonitoringStatus>();
        gate.Current.Returns(new MonitoringSnapshot(state, Since, Since, state == MonitoringState.Down ? "Prometheus did not answer" : null));
        await using var services = new ServiceCollection().AddSingleton(gate).BuildServiceProvider();

        var status = await new MonitoringLiveState(services).CurrentAsync(CancellationToken.None);

        Assert.Equal(up, status.Up);
        Assert.Equal(up ? null : Since, status.Since);
    }

    [Fact]
    public async Task CurrentAsync_NoMonitoringSlice_CountsAsUp()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();

        var status = await new MonitoringLiveState(services).CurrentAsync(CancellationToken.None);

        Assert.True(status.Up);
    }
}
