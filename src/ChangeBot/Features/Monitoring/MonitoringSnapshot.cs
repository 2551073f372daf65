namespace ChangeBot.Features.Monitoring;

/// <summary>
/// The monitoring gate's view of the stack: up, down or not configured; since when it has been so; when it was last
/// checked (<c>null</c>: never); and, when down, why ("Prometheus did not answer /-/ready within 2 s").
/// </summary>
public sealed record MonitoringSnapshot(MonitoringState State, DateTimeOffset Since, DateTimeOffset? LastCheckedAt, string? Reason)
{
    /// <summary>Seed 2, "no metrics, no changes": true when elective (non-emergency) changes may not start.</summary>
    public bool BlocksElectiveChanges => State == MonitoringState.Down;

    /// <summary>The sentence for App Home, the gate's JSON and an admission refusal.</summary>
    public string Summary => State switch
    {
        MonitoringState.Up => $"Monitoring is up since {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.",
        MonitoringState.Down => $"No metrics, no changes: monitoring is down since {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({Reason}).",
        _ => "Monitoring is not configured, so the \"no metrics, no changes\" rule is off.",
    };
}
