namespace ChangeBot.Features.Intake;

/// <summary>
/// A change request as the API answers it: its fields in camelCase, its state and revision, approvals given and still
/// needed, and admission for its planned start (null for a finished change).
/// </summary>
public sealed record ChangeResource(
    string Id,
    string State,
    int Revision,
    string Title,
    string Type,
    string Criticality,
    int RiskScore,
    string RiskLevel,
    RiskBody Risk,
    bool CausesDowntime,
    string Requester,
    string Executor,
    string Environment,
    IReadOnlyList<string> Services,
    DateTimeOffset PlannedStart,
    string EstimatedDuration,
    IReadOnlyList<ApprovalResource> Approvals,
    IReadOnlyList<ApprovalNeededResource> ApprovalsNeeded,
    AdmissionResource? Admission);
