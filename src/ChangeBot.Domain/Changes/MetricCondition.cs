namespace ChangeBot.Domain.Changes;

/// <summary>
/// The machine-checkable form of a rollback trigger: a PromQL expression whose value, compared with
/// <see cref="Threshold"/>, must hold for <see cref="For"/> (zero: a single sample) before the trigger fires.
/// </summary>
public sealed record MetricCondition(string PromQl, MetricComparison Comparison, double Threshold, TimeSpan For);
