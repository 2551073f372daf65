using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Testing.Slack;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports each timer created on it, so a test can wait until code
/// under test is really waiting (a retry delay, a timeout) before advancing the clock: no race, no sleep.
/// </summary>
public sealed class ObservableFakeTime : TimeProvider, IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _timers = [];
    private readonly SemaphoreSlim _created = new(0);

    public void Dispose() => _created.Dispose();

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        lock (_timers)
        {
            _timers.Add(dueTime);
        }

        _created.Release();
        return timer;
    }

    public void Advance(TimeSpan delta) => _fake.Advance(delta);

    /// <summary>Waits (bounded, in real time) until a timer due after <paramref name="dueTime"/> exists.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (!TryConsume(dueTime))
        {
            try
            {
                await _created.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no timer of {dueTime} was created");
            }
        }
    }

    private bool TryConsume(TimeSpan dueTime)
    {
        // Consumed, so the next wait for the same delay waits for a new timer.
        lock (_timers)
        {
            return _timers.Remove(dueTime);
        }
    }
}
