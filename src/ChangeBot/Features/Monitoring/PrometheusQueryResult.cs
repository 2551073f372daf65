using ChangeBot.Domain.Triggers;

namespace ChangeBot.Features.Monitoring;

/// <summary>The answer to an instant query: a vector (zero or more series) or a scalar (exactly one sample).</summary>
public sealed record PrometheusQueryResult(PrometheusResultType Type, IReadOnlyList<PrometheusSample> Samples)
{
    /// <summary>The answer in the form the rollback-trigger watch compares.</summary>
    public MetricObservation ToObservation() => MetricObservation.Of([.. Samples.Select(sample => sample.Value)]);
}
