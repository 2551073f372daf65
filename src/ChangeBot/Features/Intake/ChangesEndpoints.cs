using System.Text.Json;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Api;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Intake;

/// <summary>
/// <c>POST /api/v1/changes</c> (file; 201 with the CR, 400 naming each invalid field), <c>GET /api/v1/changes/{id}</c>
/// and <c>GET /api/v1/changes?state=…</c>, behind the API's bearer token.
/// </summary>
public static class ChangesEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ChangeState[] Open =
        [ChangeState.Draft, ChangeState.Submitted, ChangeState.Approved, ChangeState.Scheduled, ChangeState.InProgress, ChangeState.Monitoring];

    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiV1();
        api.MapPost("/changes", FileAsync);
        api.MapGet("/changes/{id}", GetAsync);
        api.MapGet("/changes", ListAsync);
        return endpoints;
    }

    private static async Task<IResult> FileAsync(HttpRequest request, ChangeFiling filing, ChangeWorkflow workflow, CancellationToken cancellationToken)
    {
        ChangeRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ChangeRequestBody>(request.Body, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } path ? $" at {path[2..]}" : string.Empty;
            return Results.BadRequest(new ApiError($"The body is not a change request{where}: send a JSON object with the CR's fields in camelCase, e.g. {{\"title\":…,\"type\":\"normal\",…}}."));
        }

        if (body is null)
        {
            return Results.BadRequest(new ApiError("The body is empty: send the change request as a JSON object."));
        }

        if (string.IsNullOrWhiteSpace(body.Requester))
        {
            var reading = await filing.ReadAsync(body, "api", cancellationToken).ConfigureAwait(false);
            return Invalid([new FieldError("requester", "Name the requester: the Slack user id of the person filing the change, e.g. U0123ABCD."), .. reading.Errors]);
        }

        var requester = new ChangeActor(Actor.WithoutRoles(body.Requester), ActorSource.Api);
        var filed = await filing.FileAsync(body, requester, confirmIn: null, cancellationToken).ConfigureAwait(false);
        if (filed.Errors.Count > 0)
        {
            return Invalid(filed.Errors);
        }

        if (filed.Refusal is { } refusal || filed.Change is null)
        {
            return Results.Json(new ApiError(filed.Refusal ?? "The change request was not filed."), statusCode: StatusCodes.Status409Conflict);
        }

        var view = await workflow.ViewAsync(filed.Change, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/v1/changes/{filed.Change.Id}", ChangeResources.Of(view));
    }

    private static async Task<IResult> GetAsync(string id, ChangeWorkflow workflow, CancellationToken cancellationToken)
    {
        if (!ChangeId.TryParse(id, out var changeId))
        {
            return Results.BadRequest(new ApiError($"'{id}' is not a change id: expected CR-YYYY-NNNN, for example CR-2026-0451."));
        }

        var view = await workflow.ViewAsync(changeId, cancellationToken).ConfigureAwait(false);
        return view is null
            ? Results.NotFound(new ApiError($"There is no change request {changeId}."))
            : Results.Ok(ChangeResources.Of(view));
    }

    private static async Task<IResult> ListAsync(string? state, ChangeRequestQueries queries, ChangeWorkflow workflow, CancellationToken cancellationToken)
    {
        var states = new List<ChangeState>();
        foreach (var name in (state ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ChangeStateText.TryParseWireName(name, out var parsed))
            {
                var known = string.Join(", ", Enum.GetValues<ChangeState>().Select(value => value.ToWireName()));
                return Results.BadRequest(new ApiError($"'{name}' is not a state; use one or more (comma-separated) of {known}."));
            }

            states.Add(parsed);
        }

        var summaries = await queries.InStateAsync(states.Count > 0 ? states : Open, cancellationToken).ConfigureAwait(false);
        var resources = new List<ChangeResource>();
        foreach (var summary in summaries)
        {
            if (await workflow.ViewAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { } view)
            {
                resources.Add(ChangeResources.Of(view));
            }
        }

        return Results.Ok(resources);
    }

    private static IResult Invalid(IReadOnlyList<FieldError> errors) =>
        Results.BadRequest(new ApiValidationError(
            errors.Count == 1 ? "1 field is invalid." : $"{errors.Count} fields are invalid.",
            errors));
}
