using System.Globalization;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// The clock's Quartz jobs and the names their triggers and data use. Every trigger is one-shot at a computed time
/// with a key derived from what it announces, so planning twice stores it once and a cluster fires it once; recurring
/// things are planned occurrence by occurrence, <see cref="SchedulerOptions.LookAhead"/> ahead.
/// </summary>
public static class ClockJobs
{
    public static readonly JobKey Plan = new("calendar-plan", "changebot");
    public static readonly JobKey CalendarEvent = new("calendar-event", "changebot");
    public static readonly JobKey ChangeReminder = new("change-reminder", "changebot");

    public const string CalendarGroup = "calendar";
    public const string PlanTrigger = "calendar-plan-every";

    internal const string KindKey = "kind";
    internal const string EntryKey = "entry";
    internal const string StartKey = "start";
    internal const string EndKey = "end";
    internal const string AtKey = "at";
    internal const string ChangeKey = "change";
    internal const string StepKey = "step";

    /// <summary>The trigger group of one change request's reminders.</summary>
    public static string ReminderGroup(string changeId) => "cr-" + changeId;

    internal static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ReadInstant(JobDataMap data, string key) =>
        DateTimeOffset.Parse(data.GetString(key)!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>A one-shot trigger that, when the bot was down at its time, fires once as soon as it is back.</summary>
    internal static ITrigger OneShot(JobKey job, TriggerKey key, DateTimeOffset at, JobDataMap data) =>
        TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(job)
            .UsingJobData(data)
            .StartAt(at)
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();

    /// <summary>
    /// When the firing is later than the configured slack, the time it was due (for the "ran late" note). The due time
    /// is the one stored with the trigger: a misfire fired "now" has its scheduled time moved to now.
    /// </summary>
    internal static DateTimeOffset? LateSince(IJobExecutionContext context, TimeSpan lateAfter)
    {
        var due = ReadInstant(context.MergedJobDataMap, AtKey);
        return context.FireTimeUtc - due > lateAfter ? due : null;
    }
}
