namespace ChangeBot.Features.Monitoring;

/// <summary>
/// The monitoring gate's state, for admission's live-state adapter, App Home and the gate's JSON. Read
/// <see cref="Current"/> for display; call <see cref="CheckNowAsync"/> right before letting a change start.
/// </summary>
public interface IMonitoringStatus
{
    MonitoringSnapshot Current { get; }

    /// <summary>Asks Prometheus and Alertmanager now (each within <c>Monitoring:Timeout</c>) and returns the new state.</summary>
    Task<MonitoringSnapshot> CheckNowAsync(CancellationToken cancellationToken);
}
