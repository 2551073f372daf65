namespace ChangeBot.Features.Handoff;

/// <summary>What the handoff-note modal starts with; each part null when there is nothing to suggest.</summary>
public sealed record HandoffPrefill(string? State = null, string? AlertsSilenced = null, string? Graphs = null, string? Notes = null)
{
    public static HandoffPrefill Empty { get; } = new();
}
