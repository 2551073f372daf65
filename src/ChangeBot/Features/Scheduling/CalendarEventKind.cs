namespace ChangeBot.Features.Scheduling;

/// <summary>What happens on the calendar at a moment the bot announces in #change.</summary>
public enum CalendarEventKind
{
    WindowOpens = 1,
    WindowCloses = 2,
    LockHeadsUp = 3,
    LockStarts = 4,
    LockEnds = 5,

    /// <summary>A criticality slot (seed 2's schedule: C1 22:00–06:00, C2 22:00–14:00 UTC) opening.</summary>
    SlotOpens = 6,
}
