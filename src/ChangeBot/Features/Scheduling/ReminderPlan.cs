using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// The reminders a change request in its current state is owed, and when: a pure function of the CR and the policy,
/// so planning after every state change, planning again on a period, and checking at firing time all agree.
/// </summary>
public static class ReminderPlan
{
    public static readonly TimeSpan HandoffGrace = TimeSpan.FromMinutes(30);

    public static IReadOnlyList<ChangeReminder> For(ChangeRequest change, ChangePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var due = new List<ChangeReminder>();
        var start = change.Content.PlannedStart;
        switch (change.State)
        {
            case ChangeState.Submitted or ChangeState.Approved or ChangeState.Scheduled:
                if (change.ApprovalsStillNeeded().Count > 0)
                {
                    due.Add(new ChangeReminder(ChangeReminderKind.ApprovalsDayBefore, start - TimeSpan.FromHours(24)));
                    due.Add(new ChangeReminder(ChangeReminderKind.ApprovalsHourBefore, start - TimeSpan.FromHours(1)));
                }

                var opening = HoldingWindow(change, policy);
                if (change.State != ChangeState.Submitted)
                {
                    due.Add(new ChangeReminder(ChangeReminderKind.WindowSoon, opening.Start - TimeSpan.FromHours(1)));
                }

                due.Add(new ChangeReminder(ChangeReminderKind.WindowPassed, opening.End));
                break;
            case ChangeState.InProgress when change.CurrentStage is { } stage:
                due.Add(new ChangeReminder(ChangeReminderKind.StageMonitored, stage.MonitoredUntil, stage.Index));
                break;
            case ChangeState.Monitoring when change.BakeEndsAt is { } bakeEnds:
                due.Add(new ChangeReminder(ChangeReminderKind.BakeEnded, bakeEnds));
                break;
            case ChangeState.Completed when change.Criticality is Criticality.C1 or Criticality.C2 && change.CompletedAt is { } completed:
                due.Add(new ChangeReminder(ChangeReminderKind.HandoffNoteMissing, completed + HandoffGrace));
                break;
            default:
                break;
        }

        if (change.RetrospectiveOwed && change.State.IsTerminal() && change.RetrospectiveDueAt(policy.Rules.Approvals) is { } retrospective)
        {
            due.Add(new ChangeReminder(ChangeReminderKind.RetrospectiveOwed, retrospective));
        }

        return due;
    }

    /// <summary>
    /// The window opening that holds the planned start: the change type's window when it has one, else the CR's own
    /// planned period (a change allowed at any time is "in its window" from its planned start to its planned end).
    /// </summary>
    public static TimeInterval HoldingWindow(ChangeRequest change, ChangePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var start = change.Content.PlannedStart;
        var own = new TimeInterval(start, start + change.Content.EstimatedDuration);
        var window = policy.WindowFor(change.Type);
        return window.AlwaysOpen ? own : window.OpeningAt(start) ?? own;
    }
}
