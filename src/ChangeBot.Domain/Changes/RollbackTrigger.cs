namespace ChangeBot.Domain.Changes;

/// <summary>
/// A condition decided before the change starts that means "roll back without debate" (seed 1).
/// <see cref="Window"/> is only for time-bounded triggers: how long after the deployment completes the
/// condition is watched ("15 minutes after deployment completes").
/// </summary>
public sealed record RollbackTrigger(
    RollbackTriggerKind Kind,
    string Description,
    MetricCondition? Metric = null,
    TimeSpan? Window = null);
