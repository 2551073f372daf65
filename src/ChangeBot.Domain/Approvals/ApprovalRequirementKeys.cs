namespace ChangeBot.Domain.Approvals;

/// <summary>Stable keys of approval requirements: Slack button values, API fields and stored approvals use them.</summary>
public static class ApprovalRequirementKeys
{
    public const string Reviewers = "reviewers";
    public const string RollbackOperator = "rollbackOperator";
    public const string Director = "director";
    public const string ReliabilityManager = "reliabilityManager";
    public const string EocWritten = "eocWritten";
    public const string EocBridgeConfirmation = "eocBridgeConfirmation";
    public const string EocAcknowledgement = "eocAcknowledgement";
    public const string IncidentCommander = "incidentCommander";
}
