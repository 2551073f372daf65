using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// The clock's port for the change workflow: call <see cref="PlanAsync"/> after any use case that changes a CR's state,
/// planned start, approvals or rollout, and its reminders are set for the new state (the ones no longer owed are
/// dropped). Cheap and idempotent; a failure is logged, never thrown, because the periodic plan repairs it.
/// </summary>
public interface IChangeTimers
{
    Task PlanAsync(ChangeRequest change, CancellationToken cancellationToken);
}
