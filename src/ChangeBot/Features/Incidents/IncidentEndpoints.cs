using ChangeBot.Features.Api;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Monitoring;
using Microsoft.AspNetCore.Mvc;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// <c>POST /api/v1/incidents</c> (an incident tool declares or resolves; 201 when new, 200 otherwise, 400 naming each
/// bad field) and <c>POST /api/v1/alertmanager</c> (Alertmanager's webhook, version 4), both behind the API's bearer
/// token: Alertmanager sends it with <c>http_config.authorization</c>.
/// </summary>
public static class IncidentEndpoints
{
    /// <summary>Maps both endpoints. The reader is bound from services explicitly: its static TryParse would look like a route value parser.</summary>
    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiV1();
        api.MapPost("/incidents", ReportAsync);
        api.MapPost("/alertmanager", AlertmanagerAsync);
        return endpoints;
    }

    private static async Task<IResult> ReportAsync(HttpRequest request, IncidentDesk desk, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (!IncidentBody.TryRead(body, out var report, out var errors))
        {
            return Results.BadRequest(new IncidentApiError(
                $"The incident was not recorded: {string.Join(" ", errors.Select(error => error.Message))}",
                errors));
        }

        var outcome = await desk.ReportAsync(report, ChangeActor.Api("api"), cancellationToken).ConfigureAwait(false);
        var resource = IncidentResource.Of(outcome);
        return outcome.Kind == IncidentOutcomeKind.Declared
            ? Results.Created($"/api/v1/incidents/{Uri.EscapeDataString(resource.Id)}", resource)
            : Results.Ok(resource);
    }

    private static async Task<IResult> AlertmanagerAsync(HttpRequest request, IncidentDesk desk, [FromServices] AlertmanagerWebhookReader reader, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (!AlertmanagerWebhookReader.TryParse(body, out var webhook, out var error))
        {
            return Results.BadRequest(new ApiError(error));
        }

        var incidents = new List<IncidentResource>();
        var ignored = new List<IgnoredAlert>();
        var actor = ChangeActor.Api("alertmanager");
        foreach (var alert in webhook.Alerts)
        {
            var mapped = reader.Map(alert);
            if (mapped.Severity is not { } severity)
            {
                ignored.Add(new IgnoredAlert(mapped.Id, mapped.Title, mapped.NotAnIncidentBecause ?? "it maps to no severity"));
                continue;
            }

            var report = new IncidentReport(mapped.Id, (Domain.Policy.IncidentSeverity)(int)severity, mapped.IsActive, mapped.Title, AlertmanagerWebhookReader.DeliveryKey(alert));
            incidents.Add(IncidentResource.Of(await desk.ReportAsync(report, actor, cancellationToken).ConfigureAwait(false)));
        }

        return Results.Ok(new AlertmanagerWebhookAnswer(incidents, ignored));
    }

    private static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
