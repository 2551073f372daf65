namespace ChangeBot.Domain.Changes;

/// <summary>
/// Where a change request is in its life (DESIGN.md): draft → submitted → approved → scheduled → in progress →
/// monitoring (bake) → completed, with the exits rejected, vetoed, cancelled, rolled back and aborted.
/// </summary>
public enum ChangeState
{
    Draft = 1,

    /// <summary>Waiting for approval; labelled change::unscheduled.</summary>
    Submitted = 2,

    Approved = 3,

    /// <summary>Approved and given a slot; labelled change::scheduled.</summary>
    Scheduled = 4,

    /// <summary>Rolling out, stage by stage.</summary>
    InProgress = 5,

    /// <summary>Fully rolled out and baking: watched for the last stage's minimum monitoring time.</summary>
    Monitoring = 6,

    Completed = 7,
    Rejected = 8,
    Vetoed = 9,
    Cancelled = 10,
    RolledBack = 11,
    Aborted = 12,
}
