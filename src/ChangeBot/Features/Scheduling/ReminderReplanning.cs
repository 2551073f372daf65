using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// Puts a change request's reminders on the clock as soon as a use case on it commits (filed, approved, started,
/// advanced, completed …), so they follow its state at once instead of waiting for the hourly sweep.
/// </summary>
internal sealed class ReminderReplanning(IChangeTimers timers) : IChangeCommittedListener
{
    public Task OnCommittedAsync(ChangeRequest change, CancellationToken cancellationToken) =>
        timers.PlanAsync(change, cancellationToken);
}
