using ChangeBot.Domain.Policy;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// Announces one calendar event. Not serialised: on a cluster a blocked trigger waits for the next acquisition pass,
/// which made announcements seconds late; events at the same instant are independent messages.
/// </summary>
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
