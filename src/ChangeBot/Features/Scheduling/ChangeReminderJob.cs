using System.Globalization;
using ChangeBot.Domain.Changes;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>Sends one reminder about one change request.</summary>
internal sealed class ChangeReminderJob(ChangeReminders reminders, IOptions<SchedulerOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var reminder = new ChangeReminder(
            Enum.Parse<ChangeReminderKind>(data.GetString(ClockJobs.KindKey)!),
            ClockJobs.ReadInstant(data, ClockJobs.AtKey),
            int.Parse(data.GetString(ClockJobs.StepKey)!, CultureInfo.InvariantCulture));
        var id = ChangeId.Parse(data.GetString(ClockJobs.ChangeKey)!);
        await reminders.SendAsync(id, reminder, ClockJobs.LateSince(context, options.Value.LateAfter), cancellationToken).ConfigureAwait(false);
    }
}
