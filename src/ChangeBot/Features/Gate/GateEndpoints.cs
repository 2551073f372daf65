using ChangeBot.Features.Admission;
using ChangeBot.Features.Api;
using ChangeBot.Features.Monitoring;

namespace ChangeBot.Features.Gate;

public static class GateEndpoints
{
    /// <summary>
    /// <c>GET /api/v1/gate</c>: what a pipeline asks before it deploys. 200 with the decision (allowed or not), 400
    /// naming a parameter that does not parse, 401 without a valid bearer token.
    /// </summary>
    public static IEndpointRouteBuilder MapGate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiV1().MapGet("/gate", async (HttpRequest request, ChangeAdmission admission, IMonitoringStatus monitoring, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var unknown = request.Query.Keys.FirstOrDefault(k => !GateQuestion.Parameters.Contains(k, StringComparer.OrdinalIgnoreCase));
            if (unknown is not null)
            {
                return Results.BadRequest(new ApiError($"'{unknown}' is not a gate parameter: use {string.Join(", ", GateQuestion.Parameters)}."));
            }

            if (!GateQuestion.TryRead(name => request.Query[name].ToString(), clock.GetUtcNow(), out var query, out var error))
            {
                return Results.BadRequest(new ApiError(error));
            }

            var decision = await admission.DecideAsync(query, cancellationToken).ConfigureAwait(false);
            return Results.Ok(GateAnswer.From(decision, GateMonitoring.From(monitoring.Current)));
        });
        return endpoints;
    }
}
