namespace ChangeBot.Domain.Changes;

/// <summary>
/// The stable keys of a change request's fields, used in <see cref="FieldError.Field"/>. The Slack modal uses
/// them as block ids and the HTTP API as JSON field names, so they never change once shipped.
/// </summary>
public static class ChangeRequestFields
{
    public const string Title = "title";
    public const string Type = "type";
    public const string Criticality = "criticality";
    public const string RiskBlastRadius = "risk.blastRadius";
    public const string RiskReversibility = "risk.reversibility";
    public const string RiskConfidence = "risk.confidence";
    public const string RiskTiming = "risk.timing";
    public const string RiskCausesDowntime = "risk.causesDowntime";
    public const string Environment = "environment";
    public const string Services = "services";
    public const string Executor = "executor";
    public const string ImplementationPlan = "implementationPlan";
    public const string RollbackPlan = "rollbackPlan";
    public const string RollbackTriggers = "rollbackTriggers";
    public const string PreflightChecks = "preflightChecks";
    public const string PostChecks = "postChecks";
    public const string PlannedStart = "plannedStart";
    public const string EstimatedDuration = "estimatedDuration";
    public const string RolloutStages = "rolloutStages";
    public const string DryRunLink = "dryRunLink";
    public const string Links = "links";
    public const string EventManager = "eventManager";
    public const string CommunicationsManager = "communicationsManager";
    public const string BridgeLink = "bridgeLink";
    public const string IncidentId = "incidentId";
    public const string StandardTemplate = "standardTemplate";
}
