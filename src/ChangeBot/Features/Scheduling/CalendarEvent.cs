using System.Globalization;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// One announcement the calendar owes: a change window (named by its change type) opening or closing, a criticality
/// slot (named by its criticality) opening, or a lock's heads-up, start or end, for one occurrence. <see cref="Key"/> is the same whenever the same occurrence is planned,
/// so planning again never schedules it twice.
/// </summary>
public sealed record CalendarEvent(CalendarEventKind Kind, string EntryId, TimeInterval Period, DateTimeOffset At)
{
    public string Key => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind}|{EntryId}|{Period.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");

    public bool IsLockEvent => Kind is CalendarEventKind.LockHeadsUp or CalendarEventKind.LockStarts or CalendarEventKind.LockEnds;
}
