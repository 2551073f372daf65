using System.ComponentModel.DataAnnotations;

namespace ChangeBot.Features.Monitoring;

/// <summary><c>Monitoring:Prometheus</c>: the server the gate and the rollback triggers ask.</summary>
public sealed class PrometheusOptions
{
    /// <summary>The base URL, e.g. <c>http://prometheus:9090</c> (a path prefix such as <c>/prometheus</c> is kept).</summary>
    public string? Url { get; set; }

    /// <summary>The query that must answer with at least one series for monitoring to count as up.</summary>
    public string Query { get; set; } = "up";

    internal bool HasUrl => !string.IsNullOrWhiteSpace(Url);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (MonitoringUrl.Problem("Monitoring:Prometheus:Url", Url) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Url)]);
        }

        if (string.IsNullOrWhiteSpace(Query))
        {
            yield return new ValidationResult("Monitoring:Prometheus:Query must be a PromQL expression, e.g. up.", [nameof(Query)]);
        }
    }
}
