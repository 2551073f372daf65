namespace ChangeBot.Domain.Approvals;

/// <summary>A requirement not yet met: how many more people holding its role must approve, and who already has.</summary>
public sealed record OutstandingApproval(ApprovalRequirement Requirement, int Remaining, IReadOnlyList<string> ApprovedBy);
