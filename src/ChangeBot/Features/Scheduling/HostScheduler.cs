using Quartz;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// This host's own Quartz scheduler, as Quartz hands it to its listeners when it starts: what the readiness part
/// asks. Asking <see cref="ISchedulerFactory.GetScheduler"/> instead would build a fresh scheduler after a shutdown.
/// </summary>
internal sealed class HostScheduler : ISchedulerListener
{
    private volatile IScheduler? _scheduler;

    /// <summary>Null until Quartz starts the scheduler (it does so in the background once the host has started).</summary>
    public IScheduler? Scheduler => _scheduler;

    public string Name => "changebot-host-scheduler";

    public ValueTask SchedulerStarting(IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        _scheduler = scheduler;
        return ValueTask.CompletedTask;
    }
}
