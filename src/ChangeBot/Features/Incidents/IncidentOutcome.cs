using ChangeBot.Data.Operations;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Incidents;

/// <summary>The stored incident after a report, what the report did, and which rollouts it paused or released.</summary>
public sealed record IncidentOutcome(
    IncidentRecord Incident,
    IncidentOutcomeKind Kind,
    IReadOnlyList<ChangeId> Paused,
    IReadOnlyList<ChangeId> Released);
