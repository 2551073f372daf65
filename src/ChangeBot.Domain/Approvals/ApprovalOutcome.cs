namespace ChangeBot.Domain.Approvals;

/// <summary>
/// What an approval click did. <see cref="AlreadyRecorded"/>: the same person had already given this approval on
/// this revision (a double click), so nothing changed. <see cref="ChangeApproved"/>: this approval was the last one
/// needed and the change is now approved.
/// </summary>
public sealed record ApprovalOutcome(
    Approval Approval,
    bool AlreadyRecorded,
    bool ChangeApproved,
    IReadOnlyList<OutstandingApproval> StillNeeded);
