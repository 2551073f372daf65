namespace ChangeBot.Slack.Routing;

/// <summary>
/// Remembers event ids for an hour, so a redelivery (Slack retries when the 200 is late) runs nothing twice.
/// Slack stops retrying well within that time. In memory, so it only covers one process: the host replaces it with
/// claims kept in its database, which all replicas share. At most <see cref="Capacity"/> ids are kept, the oldest
/// forgotten first: unbounded, a soak sending ~250 signed events a second grew the live heap by ~1.5 MiB a minute
/// (~100 bytes an id), on course for ~90 MiB after an hour.
/// </summary>
public sealed class SlackEventDeduplicator(TimeProvider time) : ISlackEventClaims
{
    /// <summary>
    /// Above what Slack delivers to one app in the hour ids are kept (its Events API allows 30,000 an hour per
    /// workspace), so real redeliveries are always caught; a flood beyond it costs a few MiB, not the heap.
    /// </summary>
    public const int Capacity = 50_000;

    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    // One lock over both: claims are a few per second from Slack, and the pair must agree (an id is in the set
    // exactly while it is in the queue), which a concurrent set with a separate sweep could not promise.
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset SeenAt)> _oldestFirst = new();

    /// <summary>How many event ids are remembered now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    /// <summary>True the first time an id is seen, false for every repeat.</summary>
    public bool TryClaim(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_oldestFirst.TryPeek(out var oldest) && now - oldest.SeenAt > Memory)
            {
                _seen.Remove(_oldestFirst.Dequeue().Id);
            }

            if (_seen.Contains(eventId))
            {
                return false;
            }

            if (_oldestFirst.Count == Capacity)
            {
                _seen.Remove(_oldestFirst.Dequeue().Id);
            }

            _seen.Add(eventId);
            _oldestFirst.Enqueue((eventId, now));
            return true;
        }
    }

    public Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken) => Task.FromResult(TryClaim(eventId));
}
