using ChangeBot.Data;
using ChangeBot.Domain.Admission;
using ChangeBot.Features.Admission;
using ChangeBot.Features.Api;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Monitoring;

namespace ChangeBot.Features.Gate;

public static class GateEndpoints
{
    /// <summary>
    /// <c>GET /api/v1/gate</c>: what a pipeline asks before it deploys. 200 with the decision (allowed or not), 400
    /// naming a parameter that does not parse, 401 without a valid bearer token. With <c>change=CR-…</c> the filed
    /// change answers for itself, with its recorded overrides and approved lock exceptions.
    /// </summary>
    public static IEndpointRouteBuilder MapGate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiV1().MapGet("/gate", async (
            HttpRequest request,
            ChangeAdmission admission,
            ChangeBotStore store,
            IAdmissionOverrideSource overrides,
            ILockExceptionSource exceptions,
            IMonitoringStatus monitoring,
            TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            var unknown = request.Query.Keys.FirstOrDefault(k => !GateQuestion.Parameters.Contains(k, StringComparer.OrdinalIgnoreCase));
            if (unknown is not null)
            {
                return Results.BadRequest(new ApiError($"'{unknown}' is not a gate parameter: use {string.Join(", ", GateQuestion.Parameters)}."));
            }

            string? Get(string name) => request.Query[name].ToString();
            if (!GateQuestion.TryChange(Get, out var change, out var error))
            {
                return Results.BadRequest(new ApiError(error));
            }

            AdmissionQuery? query;
            if (change is { } id)
            {
                if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
                {
                    return Results.BadRequest(new ApiError($"change '{id}' is not a filed change request."));
                }

                var lifted = await overrides.ForChangeAsync(id, cancellationToken).ConfigureAwait(false);
                var excepted = await exceptions.ForChangeAsync(id, cancellationToken).ConfigureAwait(false);
                if (!GateQuestion.TryReadFor(stored.Change, lifted, excepted, Get, clock.GetUtcNow(), out query, out error))
                {
                    return Results.BadRequest(new ApiError(error));
                }
            }
            else if (!GateQuestion.TryRead(Get, clock.GetUtcNow(), out query, out error))
            {
                return Results.BadRequest(new ApiError(error));
            }

            var decision = await admission.DecideAsync(query, cancellationToken).ConfigureAwait(false);
            return Results.Ok(GateAnswer.From(decision, GateMonitoring.From(monitoring.Current)));
        });
        return endpoints;
    }
}
