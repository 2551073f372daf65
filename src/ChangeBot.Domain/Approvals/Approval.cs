namespace ChangeBot.Domain.Approvals;

/// <summary>
/// An approval given by one person, for one requirement, pinned to the revision they saw. An edit voids it:
/// <see cref="VoidedByRevision"/> is then the revision that did.
/// </summary>
public sealed record Approval(
    string RequirementKey,
    string ApproverId,
    ApproverRole Role,
    int Revision,
    DateTimeOffset ApprovedAt,
    int? VoidedByRevision = null)
{
    public bool IsVoided => VoidedByRevision is not null;
}
