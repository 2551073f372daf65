using ChangeBot.Domain.Policy;
using ChangeBot.Features.Policy;

namespace ChangeBot.Features.Locks;

/// <summary>
/// The calendar admission reads, with the run-time locks in it: rebuilt from the database at start-up, after every
/// <c>/change pcl|freeze add|end</c> on this replica, and on every calendar plan (so other replicas' locks arrive
/// within <see cref="Scheduling.SchedulerOptions.PlanEvery"/>). Readers get an immutable snapshot; swaps are atomic.
/// </summary>
public sealed class LockCalendar(LoadedPolicy loaded, LockRecords records) : IChangeCalendarSource
{
    private ChangeCalendar _current = ChangeCalendar.Create(loaded.Policy);

    public ChangeCalendar Current => Volatile.Read(ref _current);

    public async Task<ChangeCalendar> RefreshAsync(CancellationToken cancellationToken)
    {
        var active = await records.ActiveAsync(cancellationToken).ConfigureAwait(false);
        var calendar = ChangeCalendar.Create(loaded.Policy, active.Select(item => item.Definition.ToChangeLock()));
        Volatile.Write(ref _current, calendar);
        return calendar;
    }
}
