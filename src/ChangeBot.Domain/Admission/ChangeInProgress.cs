using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Admission;

/// <summary>A change that has started and not finished (in progress or baking).</summary>
public sealed record ChangeInProgress(ChangeId Id, Criticality Criticality, IReadOnlyList<string> Services);
