using ChangeBot.Data.Changes;
using ChangeBot.Data.Operations;

namespace ChangeBot.Features.Home;

/// <summary>Everything one user's Home tab shows, read at <see cref="Now"/>.</summary>
public sealed record HomeSnapshot(
    string UserId,
    DateTimeOffset Now,
    IReadOnlyList<ChangeSummary> MyOpen,
    IReadOnlyList<ChangeSummary> AwaitingMe,
    IReadOnlyList<ChangeSummary> InProgress,
    IReadOnlyList<string> RetrospectivesOwed,
    HomeLock? ActiveLock,
    HomeLock? NextLock,
    IReadOnlyList<DateTimeOffset> NextWindows,
    IReadOnlyList<IncidentRecord> ActiveIncidents);
