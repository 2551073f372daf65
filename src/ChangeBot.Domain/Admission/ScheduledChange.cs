using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Domain.Admission;

/// <summary>A change with a planned start, for conflict detection.</summary>
public sealed record ScheduledChange(ChangeId Id, IReadOnlyList<string> Services, TimeInterval Period);
