namespace ChangeBot.Domain.Rollout;

/// <summary>
/// Where a rollout stands after a start or an advance: the stage now running, or the bake that began, and the
/// earliest time of the next step (a timer can be set for it).
/// </summary>
public sealed record RolloutStep(StageRun Stage, bool BakeStarted, DateTimeOffset NextStepAt);
