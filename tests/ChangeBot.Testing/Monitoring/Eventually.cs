namespace ChangeBot.Testing.Monitoring;

/// <summary>Bounded polling: asks until the answer is what the test waits for, or fails with the last answer after the bound.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done, string waitingFor, TimeSpan? bound = null)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = TimeProvider.System.GetTimestamp() + (long)((bound ?? DefaultBound).TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var answer = await ask();
            if (done(answer))
            {
                return answer;
            }

            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"Gave up after {(bound ?? DefaultBound).TotalSeconds:0} s waiting for {waitingFor}; the last answer was {answer}.");
            }

            await Task.Delay(Pause);
        }
    }
}
