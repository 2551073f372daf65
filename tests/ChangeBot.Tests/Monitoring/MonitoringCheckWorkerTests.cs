using ChangeBot.Features.Monitoring;
using ChangeBot.Testing.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Monitoring;

public class MonitoringCheckWorkerTests(MonitoringServers servers) : IClassFixture<MonitoringServers>
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Worker_Running_ChecksAtStartAndAtEveryInterval()
    {
        var time = new FakeTimeProvider(T0);
        await using var provider = MonitoringServices.Build(servers.PrometheusUrl, servers.AlertmanagerUrl, time, ("Monitoring:CheckInterval", "00:00:30"));
        var status = provider.GetRequiredService<IMonitoringStatus>();
        var worker = Assert.Single(provider.GetServices<IHostedService>().OfType<MonitoringCheckWorker>());

        await worker.StartAsync(CancellationToken.None);
        try
        {
            var first = await Eventually.UntilAsync(() => Task.FromResult(status.Current), now => now.LastCheckedAt is not null, "the check at start-up");
            time.Advance(TimeSpan.FromSeconds(29));
            var early = status.Current;
            time.Advance(TimeSpan.FromSeconds(1));
            var second = await Eventually.UntilAsync(() => Task.FromResult(status.Current), now => now.LastCheckedAt == T0.AddSeconds(30), "the check after one interval");

            Assert.Equal(MonitoringState.Up, first.State);
            Assert.Equal(T0, first.LastCheckedAt);
            Assert.Equal(T0, early.LastCheckedAt);
            Assert.Equal(T0, second.Since);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }
}
