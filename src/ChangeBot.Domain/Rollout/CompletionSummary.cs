using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Rollout;

/// <summary>The facts posted when a change completes (seed 1, step 11): how long it took, each stage, who approved.</summary>
public sealed record CompletionSummary(
    ChangeId Id,
    string Title,
    int Revision,
    DateTimeOffset StartedAt,
    DateTimeOffset BakeStartedAt,
    DateTimeOffset CompletedAt,
    TimeSpan EstimatedDuration,
    IReadOnlyList<StageRun> Stages,
    IReadOnlyList<Approval> Approvals)
{
    /// <summary>From the start to the end of the bake.</summary>
    public TimeSpan Duration => CompletedAt - StartedAt;

    /// <summary>From the start until the last stage was fully rolled out, the figure to compare with the estimate.</summary>
    public TimeSpan RolloutDuration => BakeStartedAt - StartedAt;
}
