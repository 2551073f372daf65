using ChangeBot.Domain.Admission;

namespace ChangeBot.Features.Admission;

/// <summary>Port: whether the monitoring stack answers (the monitoring slice implements it against Prometheus).</summary>
public interface IMonitoringStatusSource
{
    ValueTask<MonitoringStatus> CurrentAsync(CancellationToken cancellationToken);
}
