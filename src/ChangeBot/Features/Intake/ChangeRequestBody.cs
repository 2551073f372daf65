namespace ChangeBot.Features.Intake;

/// <summary>
/// A change request as filed, before anything is trusted: the <c>POST /api/v1/changes</c> body (camelCase, the CR's
/// field names) and what the intake modal's state is read into. Times are ISO 8601 with an offset, durations like
/// "45m"; <see cref="ChangeRequestBodyReader"/> turns it into content and names every field it can't use.
/// </summary>
public sealed record ChangeRequestBody
{
    public string? Title { get; init; }

    /// <summary>standard, normal or emergency.</summary>
    public string? Type { get; init; }

    /// <summary>C1–C4; absent: derived from the risk.</summary>
    public string? Criticality { get; init; }

    public string? Environment { get; init; }

    public IReadOnlyList<string>? Services { get; init; }

    public RiskBody? Risk { get; init; }

    public bool? CausesDowntime { get; init; }

    /// <summary>Who files it: a Slack user id. The modal sets it to the user who submits.</summary>
    public string? Requester { get; init; }

    public string? Executor { get; init; }

    public string? PlannedStart { get; init; }

    public string? EstimatedDuration { get; init; }

    public string? ImplementationPlan { get; init; }

    public string? RollbackPlan { get; init; }

    public IReadOnlyList<string>? RollbackTriggers { get; init; }

    public IReadOnlyList<string>? PreflightChecks { get; init; }

    public IReadOnlyList<string>? PostChecks { get; init; }

    public IReadOnlyList<RolloutStageBody>? RolloutStages { get; init; }

    public string? DryRunLink { get; init; }

    public string? EventManager { get; init; }

    public string? CommunicationsManager { get; init; }

    public string? BridgeLink { get; init; }

    public string? IncidentId { get; init; }

    public string? StandardTemplate { get; init; }
}
