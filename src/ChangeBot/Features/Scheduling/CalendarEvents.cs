using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// The announcements due in a period, computed from the calendar alone (pure, so the month-long walk in the tests and
/// the planner agree): change windows per change type opening and closing, criticality slots opening, and every lock
/// occurrence's heads-up (a day before), start and end. Recurring entries are expanded only inside the period asked about.
/// </summary>
public static class CalendarEvents
{
    public static readonly TimeSpan HeadsUp = TimeSpan.FromHours(24);

    /// <summary>Everything due in [<paramref name="from"/>, <paramref name="to"/>), in order of time.</summary>
    public static IReadOnlyList<CalendarEvent> Between(ChangeCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = new List<CalendarEvent>();
        void Add(CalendarEventKind kind, string entryId, TimeInterval period, DateTimeOffset at)
        {
            if (at >= from && at < to)
            {
                due.Add(new CalendarEvent(kind, entryId, period, at));
            }
        }

        foreach (var (type, window) in calendar.Policy.Windows.OrderBy(pair => pair.Key))
        {
            if (window.AlwaysOpen)
            {
                continue;
            }

            // Openings are whole, so one that began before `from` still yields its close inside the period.
            foreach (var opening in window.Openings(from - TimeSpan.FromDays(1), to))
            {
                Add(CalendarEventKind.WindowOpens, WindowId(type), opening, opening.Start);
                Add(CalendarEventKind.WindowCloses, WindowId(type), opening, opening.End);
            }
        }

        foreach (var (criticality, slot) in calendar.Policy.Slots.OrderBy(pair => pair.Key))
        {
            if (slot.AlwaysOpen || calendar.Policy.SlotsApplyTo.Count == 0)
            {
                continue;
            }

            foreach (var opening in slot.Openings(from - TimeSpan.FromDays(1), to))
            {
                Add(CalendarEventKind.SlotOpens, SlotId(criticality), opening, opening.Start);
            }
        }

        // From a tick early: periods are half-open, and one ending exactly at `from` still owes its end.
        foreach (var occurrence in calendar.Occurrences(new TimeInterval(from.AddTicks(-1), to + HeadsUp)))
        {
            if (occurrence.Entry is not ChangeLock changeLock || occurrence.Period.Length <= TimeSpan.Zero)
            {
                continue;
            }

            Add(CalendarEventKind.LockHeadsUp, changeLock.Id, occurrence.Period, occurrence.Period.Start - HeadsUp);
            Add(CalendarEventKind.LockStarts, changeLock.Id, occurrence.Period, occurrence.Period.Start);
            Add(CalendarEventKind.LockEnds, changeLock.Id, occurrence.Period, occurrence.Period.End);
        }

        return [.. due.OrderBy(e => e.At).ThenBy(e => e.Kind)];
    }

    /// <summary>Whether <paramref name="planned"/> is still on the calendar (a lock lifted since is not).</summary>
    public static bool StillDue(ChangeCalendar calendar, CalendarEvent planned)
    {
        ArgumentNullException.ThrowIfNull(planned);
        return Between(calendar, planned.At, planned.At + TimeSpan.FromTicks(1)).Any(e => e.Key == planned.Key);
    }

    public static string WindowId(ChangeType type) => "window-" + type.ToString().ToLowerInvariant();

    public static string SlotId(Criticality criticality) => "slot-" + criticality.ToString().ToLowerInvariant();

    public static Criticality? SlotCriticality(string entryId) =>
        entryId.StartsWith("slot-", StringComparison.Ordinal) && Enum.TryParse<Criticality>(entryId["slot-".Length..], ignoreCase: true, out var criticality)
            ? criticality
            : null;

    public static ChangeType? WindowType(string entryId) =>
        entryId.StartsWith("window-", StringComparison.Ordinal) && Enum.TryParse<ChangeType>(entryId["window-".Length..], ignoreCase: true, out var type)
            ? type
            : null;
}
