namespace ChangeBot.Features.Handoff;

/// <summary>
/// Seed 2's handoff note for the next region's on-call: the state and success of the change, the alerts silenced,
/// the graphs to watch and anything else they must know. Stored as JSON in the handoff note's body.
/// </summary>
public sealed record HandoffNote(string State, string? AlertsSilenced, string? Graphs, string? Notes);
