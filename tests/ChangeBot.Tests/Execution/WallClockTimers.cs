using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Execution;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose "now" the test sets, while timers (the outbox poll, Slack retry back-offs)
/// run in real time: a host whose clock stands still would otherwise wait forever for a retry the test never
/// advances to. Admission, stage minimums and bakes read <see cref="TimeProvider.GetUtcNow"/>, which stays fake.
/// </summary>
public sealed class WallClockTimers(DateTimeOffset now) : FakeTimeProvider(now)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
