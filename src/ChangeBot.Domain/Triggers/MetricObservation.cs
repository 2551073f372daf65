namespace ChangeBot.Domain.Triggers;

/// <summary>
/// The answer to one PromQL expression at one moment, as the rollback-trigger watch needs it: the series' values,
/// no series at all, or no answer (with the reason a person reads).
/// </summary>
public sealed record MetricObservation
{
    private MetricObservation(MetricObservationKind kind, IReadOnlyList<double> values, string? reason)
    {
        Kind = kind;
        Values = values;
        Reason = reason;
    }

    public static MetricObservation NoData { get; } = new(MetricObservationKind.NoData, [], null);

    public MetricObservationKind Kind { get; }

    public IReadOnlyList<double> Values { get; }

    /// <summary>Why the data is unavailable; <c>null</c> otherwise.</summary>
    public string? Reason { get; }

    /// <summary>The values of every series the query returned; none is the same as <see cref="NoData"/>.</summary>
    public static MetricObservation Of(params IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? NoData : new(MetricObservationKind.Values, [.. values], null);
    }

    public static MetricObservation Unavailable(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(MetricObservationKind.Unavailable, [], reason.Trim());
    }
}
