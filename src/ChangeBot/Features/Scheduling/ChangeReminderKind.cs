namespace ChangeBot.Features.Scheduling;

/// <summary>The reminders the clock gives about one change request.</summary>
public enum ChangeReminderKind
{
    /// <summary>Approvals still missing 24 h before the planned start: a DM to whoever can give them.</summary>
    ApprovalsDayBefore = 1,

    /// <summary>Approvals still missing 1 h before the planned start.</summary>
    ApprovalsHourBefore = 2,

    /// <summary>The window holding the CR opens in 1 h: the executor and the EOC are told.</summary>
    WindowSoon = 3,

    /// <summary>The CR's window passed without a start: reschedule or cancel.</summary>
    WindowPassed = 4,

    /// <summary>The current stage's minimum monitoring time has passed: the executor may advance.</summary>
    StageMonitored = 5,

    /// <summary>The bake is over: complete or roll back.</summary>
    BakeEnded = 6,

    /// <summary>A C1/C2 change completed 30 min ago and no handoff note was written.</summary>
    HandoffNoteMissing = 7,

    /// <summary>An emergency change's retrospective is still owed 2 days after it ended.</summary>
    RetrospectiveOwed = 8,
}
