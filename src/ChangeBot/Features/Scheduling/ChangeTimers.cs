using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// Keeps one change request's reminder triggers equal to what <see cref="ReminderPlan"/> says it is owed now: new
/// ones are stored (kept if already there), ones no longer owed are removed. Past-due ones are not added: a reminder
/// that is late because the bot was down is already stored and fires as a misfire.
/// </summary>
public sealed partial class ChangeTimers(
    ISchedulerFactory schedulers,
    ChangePolicy policy,
    TimeProvider clock,
    ILogger<ChangeTimers> logger) : IChangeTimers
{
    public async Task PlanAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await PlanOrThrowAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulerException e)
        {
            LogPlanFailed(logger, change.Id.ToString(), e);
        }
    }

    private async Task PlanOrThrowAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var group = ClockJobs.ReminderGroup(change.Id.ToString());
        var now = clock.GetUtcNow();
        var wanted = ReminderPlan.For(change, policy).ToDictionary(reminder => reminder.Key, StringComparer.Ordinal);
        var stored = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(group), cancellationToken).ConfigureAwait(false);
        var stale = stored.Where(key => !wanted.ContainsKey(key.Name)).ToList();
        if (stale.Count > 0)
        {
            await scheduler.UnscheduleJobs(stale, cancellationToken).ConfigureAwait(false);
        }

        var have = stored.Select(key => key.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var reminder in wanted.Values.Where(reminder => reminder.DueAt > now && !have.Contains(reminder.Key)))
        {
            var data = new JobDataMap
            {
                [ClockJobs.ChangeKey] = change.Id.ToString(),
                [ClockJobs.KindKey] = reminder.Kind.ToString(),
                [ClockJobs.StepKey] = reminder.Step.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [ClockJobs.AtKey] = ClockJobs.Instant(reminder.DueAt),
            };
            var trigger = ClockJobs.OneShot(ClockJobs.ChangeReminder, new TriggerKey(reminder.Key, group), reminder.DueAt, data);
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders of {ChangeId} could not be planned now; the periodic plan will retry")]
    private static partial void LogPlanFailed(ILogger logger, string changeId, Exception exception);
}
