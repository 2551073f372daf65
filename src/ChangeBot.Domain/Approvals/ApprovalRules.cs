using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;

namespace ChangeBot.Domain.Approvals;

/// <summary>
/// The approval part of the policy, as data. The policy file's <c>approvals:</c> section loads into this;
/// <see cref="Default"/> encodes both seeds. Requirements combine and the strictest wins.
/// </summary>
public sealed record ApprovalRules
{
    public required IReadOnlyDictionary<RiskLevel, RiskLevelApprovals> ByRiskLevel { get; init; }

    public required IReadOnlyDictionary<Criticality, CriticalityApprovals> ByCriticality { get; init; }

    /// <summary>Distinct reviewers a C1 or C2 maintenance (normal) change needs (seed 2: a quorum of three).</summary>
    public required int MaintenanceReviewQuorum { get; init; }

    /// <summary>Standard changes need no per-instance approval once their template has been approved once.</summary>
    public required bool StandardPreApprovedAfterTemplateApproval { get; init; }

    /// <summary>The only role that approves an emergency change.</summary>
    public required ApproverRole EmergencyApprover { get; init; }

    /// <summary>Days after an emergency change by which its retrospective is owed (a reminder fires then).</summary>
    public required int EmergencyRetrospectiveDueDays { get; init; }

    public static ApprovalRules Default { get; } = new()
    {
        ByRiskLevel = new Dictionary<RiskLevel, RiskLevelApprovals>
        {
            [RiskLevel.Low] = new(Reviewers: 1, RollbackOperator: false, Director: false),
            [RiskLevel.Medium] = new(Reviewers: 2, RollbackOperator: false, Director: false),
            [RiskLevel.High] = new(Reviewers: 3, RollbackOperator: true, Director: false),
            [RiskLevel.Critical] = new(Reviewers: 3, RollbackOperator: true, Director: true),
        },
        ByCriticality = new Dictionary<Criticality, CriticalityApprovals>
        {
            [Criticality.C1] = new(ReliabilityManager: true, EocWritten: true, EocBridgeConfirmation: true, EocAcknowledgement: false, AnnounceInProduction: true),
            [Criticality.C2] = new(ReliabilityManager: false, EocWritten: true, EocBridgeConfirmation: false, EocAcknowledgement: false, AnnounceInProduction: true),
            [Criticality.C3] = new(ReliabilityManager: false, EocWritten: false, EocBridgeConfirmation: false, EocAcknowledgement: true, AnnounceInProduction: false),
            [Criticality.C4] = new(ReliabilityManager: false, EocWritten: false, EocBridgeConfirmation: false, EocAcknowledgement: false, AnnounceInProduction: false),
        },
        MaintenanceReviewQuorum = 3,
        StandardPreApprovedAfterTemplateApproval = true,
        EmergencyApprover = ApproverRole.IncidentCommander,
        EmergencyRetrospectiveDueDays = 2,
    };
}
