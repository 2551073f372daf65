using ChangeBot.Domain.Changes;

namespace ChangeBot.Data.Changes;

/// <summary>What a list, App Home or calendar shows of a change request, read from the query columns alone.</summary>
public sealed record ChangeSummary(
    ChangeId Id,
    string Title,
    ChangeState State,
    ChangeType Type,
    Criticality Criticality,
    string Requester,
    string Executor,
    DateTimeOffset PlannedStart,
    DateTimeOffset PlannedEnd,
    int Revision,
    long Version,
    DateTimeOffset UpdatedAt);
