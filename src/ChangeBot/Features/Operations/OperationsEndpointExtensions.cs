using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Prometheus;

namespace ChangeBot.Features.Operations;

public static class OperationsEndpointExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// <c>/healthz</c>: the process answers (no check runs, so a slow dependency never gets the pod killed);
    /// <c>/readyz</c>: every check tagged <see cref="ReadinessChecks.Tag"/>, 503 naming the failing ones;
    /// <c>/metrics</c>: Prometheus text format.
    /// </summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessChecks.Tag),
            ResponseWriter = ReadinessResponse.WriteAsync,
        });
        var bridge = endpoints.ServiceProvider.GetRequiredService<PrometheusMeterBridge>();
        endpoints.MapMetrics(MetricsPath, bridge.Registry);
        return endpoints;
    }
}
