namespace ChangeBot.Features.Intake;

/// <summary>A rollout stage as filed: <c>{"name":"canary","percent":5,"minimumMonitoring":"15m"}</c>.</summary>
public sealed record RolloutStageBody(string? Name, int? Percent, string? MinimumMonitoring);
