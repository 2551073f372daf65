namespace ChangeBot.Features.Incidents;

/// <summary>What a report did to the stored incident.</summary>
public enum IncidentOutcomeKind
{
    /// <summary>A new incident, or a resolved one that started again.</summary>
    Declared = 1,

    /// <summary>Still active, with a new severity or title.</summary>
    Updated = 2,

    Resolved = 3,

    /// <summary>The incident already was exactly so (a repeated request or notification).</summary>
    Unchanged = 4,

    /// <summary>Reported resolved without ever having been active here: stored for the record, nobody told.</summary>
    RecordedResolved = 5,
}
