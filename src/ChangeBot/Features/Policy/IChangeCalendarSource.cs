using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Policy;

/// <summary>
/// The calendar admission reads: the policy plus the locks declared at run time. The default holds the policy's
/// locks only; the freezes slice replaces it with one that rebuilds the calendar when a lock is added or lifted.
/// </summary>
public interface IChangeCalendarSource
{
    ChangeCalendar Current { get; }
}
