namespace ChangeBot.Domain.Rollout;

/// <summary>
/// One stage of a progressive rollout: a name, the share of the fleet or traffic it reaches, and the minimum
/// time to monitor before advancing (for the last stage: the bake period).
/// </summary>
public sealed record RolloutStageDefinition(string Name, int Percent, TimeSpan MinimumMonitoring)
{
    /// <summary>Seed 1: canary 5 % 15 min, limited 25 % 15 min, broad 50 % 15 min, full 100 % with a 1 h bake.</summary>
    public static IReadOnlyList<RolloutStageDefinition> Defaults { get; } =
    [
        new("canary", 5, TimeSpan.FromMinutes(15)),
        new("limited", 25, TimeSpan.FromMinutes(15)),
        new("broad", 50, TimeSpan.FromMinutes(15)),
        new("full", 100, TimeSpan.FromHours(1)),
    ];
}
