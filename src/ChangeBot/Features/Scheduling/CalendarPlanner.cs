using ChangeBot.Data;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Locks;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// Rolls the clock forward: stores a one-shot trigger for every announcement due in the next
/// <see cref="SchedulerOptions.LookAhead"/> (so a recurring lock gets one trigger per occurrence, never an endless
/// one), and plans every open change request's reminders again, which repairs any the workflow did not plan.
/// </summary>
public sealed class CalendarPlanner(
    ISchedulerFactory schedulers,
    LockCalendar calendar,
    ChangeRequestQueries queries,
    ChangeBotStore store,
    IChangeTimers timers,
    IOptions<SchedulerOptions> options,
    TimeProvider clock)
{
    // Finished changes still owe a handoff note (30 min) or a retrospective (2 days by default).
    private static readonly TimeSpan FinishedChangesWatched = TimeSpan.FromDays(14);

    private static readonly ChangeState[] Watched =
    [
        ChangeState.Submitted, ChangeState.Approved, ChangeState.Scheduled, ChangeState.InProgress, ChangeState.Monitoring,
        ChangeState.Completed, ChangeState.RolledBack, ChangeState.Aborted,
    ];

    private long _lastPlannedTicks = -1;

    /// <summary>When this replica last finished a plan (for readiness and for tests waiting on the start-up plan).</summary>
    public DateTimeOffset? LastPlannedAt => Interlocked.Read(ref _lastPlannedTicks) is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The calendar's announcements, then every open change request's reminders.</summary>
    public async Task<int> PlanAsync(CancellationToken cancellationToken)
    {
        var planned = await PlanCalendarAsync(cancellationToken).ConfigureAwait(false);
        await PlanChangesAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _lastPlannedTicks, clock.GetUtcNow().UtcTicks);
        return planned;
    }

    /// <summary>Rebuilds the calendar from the database and stores the triggers of what is due in the look-ahead.</summary>
    public async Task<int> PlanCalendarAsync(CancellationToken cancellationToken)
    {
        var current = await calendar.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();

        // Strictly after now: an event due at this very instant has fired already or is stored already.
        var due = CalendarEvents.Between(current, now.AddTicks(1), now + options.Value.LookAhead);
        foreach (var planned in due)
        {
            var data = new JobDataMap
            {
                [ClockJobs.KindKey] = planned.Kind.ToString(),
                [ClockJobs.EntryKey] = planned.EntryId,
                [ClockJobs.StartKey] = ClockJobs.Instant(planned.Period.Start),
                [ClockJobs.EndKey] = ClockJobs.Instant(planned.Period.End),
                [ClockJobs.AtKey] = ClockJobs.Instant(planned.At),
            };
            var trigger = ClockJobs.OneShot(ClockJobs.CalendarEvent, new TriggerKey(planned.Key, ClockJobs.CalendarGroup), planned.At, data);
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken).ConfigureAwait(false);
        }

        return due.Count;
    }

    private async Task PlanChangesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var summary in await queries.InStateAsync(Watched, cancellationToken).ConfigureAwait(false))
        {
            if (summary.State.IsTerminal() && summary.UpdatedAt < now - FinishedChangesWatched)
            {
                continue;
            }

            if (await store.GetAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                await timers.PlanAsync(stored.Change, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
