using ChangeBot.Domain.Policy;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// Announces one calendar event. One at a time across the cluster, so a window closing and a lock starting at the
/// same instant are posted in a stable order.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CalendarEventJob(CalendarAnnouncements announcements, IOptions<SchedulerOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var due = new CalendarEvent(
            Enum.Parse<CalendarEventKind>(data.GetString(ClockJobs.KindKey)!),
            data.GetString(ClockJobs.EntryKey)!,
            new TimeInterval(ClockJobs.ReadInstant(data, ClockJobs.StartKey), ClockJobs.ReadInstant(data, ClockJobs.EndKey)),
            ClockJobs.ReadInstant(data, ClockJobs.AtKey));
        await announcements.AnnounceAsync(due, ClockJobs.LateSince(context, options.Value.LateAfter), cancellationToken).ConfigureAwait(false);
    }
}
