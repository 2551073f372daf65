namespace ChangeBot.Domain.Admission;

/// <summary>Whether the monitoring stack answers, and since when it has (not).</summary>
public sealed record MonitoringStatus(bool Up, DateTimeOffset? Since = null)
{
    public static MonitoringStatus Healthy { get; } = new(true);
}
