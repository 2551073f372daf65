namespace ChangeBot.Domain.Changes;

/// <summary>Which side of the threshold means "roll back".</summary>
public enum MetricComparison
{
    /// <summary>Fires when the value is above the threshold (error rates, latency).</summary>
    Above = 1,

    /// <summary>Fires when the value is below the threshold (success rates, healthy replicas).</summary>
    Below = 2,
}
