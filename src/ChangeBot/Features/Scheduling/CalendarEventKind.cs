namespace ChangeBot.Features.Scheduling;

/// <summary>What happens on the calendar at a moment the bot announces in #change.</summary>
public enum CalendarEventKind
{
    WindowOpens = 1,
    WindowCloses = 2,
    LockHeadsUp = 3,
    LockStarts = 4,
    LockEnds = 5,
}
