using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Policy;

/// <summary>The policy's own calendar, built once: no run-time locks yet.</summary>
internal sealed class PolicyCalendarSource(LoadedPolicy loaded) : IChangeCalendarSource
{
    public ChangeCalendar Current { get; } = ChangeCalendar.Create(loaded.Policy);
}
