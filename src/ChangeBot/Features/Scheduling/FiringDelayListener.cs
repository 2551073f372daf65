using System.Diagnostics.Metrics;
using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// Measures how late each trigger fired against its scheduled time (<c>changebot_scheduler_firing_delay_seconds</c>),
/// the number operators alert on when jobs should fire within a second of their time.
/// </summary>
internal sealed class FiringDelayListener : ITriggerListener, IDisposable
{
    private readonly Meter _meter;
    private readonly Histogram<double> _delay;

    public FiringDelayListener(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create("ChangeBot.Scheduler");
        _delay = _meter.CreateHistogram<double>("changebot.scheduler.firing_delay", "s", "How late a job fired after its scheduled time.");
    }

    public string Name => "changebot-firing-delay";

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ScheduledFireTimeUtc is { } scheduled)
        {
            _delay.Record(Math.Max(0, (context.FireTimeUtc - scheduled).TotalSeconds), new KeyValuePair<string, object?>("job", context.JobDetail.Key.Name));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(false);

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public void Dispose() => _meter.Dispose();
}
