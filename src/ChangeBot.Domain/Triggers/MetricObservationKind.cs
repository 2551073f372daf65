namespace ChangeBot.Domain.Triggers;

/// <summary>What asking the monitoring stack for one PromQL expression gave.</summary>
public enum MetricObservationKind
{
    /// <summary>One value per series (a scalar is one series).</summary>
    Values = 1,

    /// <summary>The query ran and returned no series: nothing to compare, so the condition does not hold.</summary>
    NoData = 2,

    /// <summary>The query could not be answered (timeout, refused, rejected): seed 1's fail-safe applies.</summary>
    Unavailable = 3,
}
