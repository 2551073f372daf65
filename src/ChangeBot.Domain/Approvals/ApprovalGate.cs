namespace ChangeBot.Domain.Approvals;

/// <summary>What an approval requirement holds back until it is met.</summary>
public enum ApprovalGate
{
    /// <summary>Needed for the change to become approved.</summary>
    Approval = 1,

    /// <summary>
    /// Given at the start, after approval and scheduling (seed 2: the EOC's verbal go on the bridge for a C1), and
    /// needed before the change may start.
    /// </summary>
    Start = 2,
}
