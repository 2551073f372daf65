using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>Rolls the calendar's triggers forward, on start-up and every <see cref="SchedulerOptions.PlanEvery"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class CalendarPlanJob(CalendarPlanner planner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await planner.PlanAsync(cancellationToken).ConfigureAwait(false);
}
