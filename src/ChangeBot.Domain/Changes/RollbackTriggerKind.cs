namespace ChangeBot.Domain.Changes;

/// <summary>Seed 1's three kinds of pre-committed rollback condition.</summary>
public enum RollbackTriggerKind
{
    /// <summary>Roll back at once when met (e.g. error rate above 5 % for 2 minutes).</summary>
    Immediate = 1,

    /// <summary>Watched for a window after the deployment completes (e.g. error rate above 1 % within 15 min).</summary>
    TimeBounded = 2,

    /// <summary>A person decides (e.g. an unexpected log pattern); never evaluated automatically.</summary>
    ManualReview = 3,
}
