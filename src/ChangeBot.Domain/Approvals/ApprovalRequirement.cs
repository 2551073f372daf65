namespace ChangeBot.Domain.Approvals;

/// <summary>
/// One approval a change request needs: <see cref="Count"/> distinct people holding <see cref="Role"/>, and why,
/// e.g. "High risk (score 12): a quorum of 3 reviewers".
/// </summary>
public sealed record ApprovalRequirement(
    string Key,
    string Name,
    ApproverRole Role,
    int Count,
    string Reason,
    ApprovalGate Gate = ApprovalGate.Approval);
