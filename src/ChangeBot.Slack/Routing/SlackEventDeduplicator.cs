using System.Collections.Concurrent;

namespace ChangeBot.Slack.Routing;

/// <summary>
/// Remembers event ids for an hour, so a redelivery (Slack retries when the 200 is late) runs nothing twice.
/// Slack stops retrying well within that time. In memory, so it only covers one process: the host replaces it with
/// claims kept in its database, which all replicas share.
/// </summary>
public sealed class SlackEventDeduplicator(TimeProvider time) : ISlackEventClaims
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>True the first time an id is seen, false for every repeat.</summary>
    public bool TryClaim(string eventId)
    {
        var now = time.GetUtcNow();
        if (now >= _nextSweep)
        {
            _nextSweep = now + TimeSpan.FromMinutes(5);
            foreach (var (id, seenAt) in _seen)
            {
                if (now - seenAt > Memory)
                {
                    _seen.TryRemove(id, out _);
                }
            }
        }

        return _seen.TryAdd(eventId, now);
    }

    public Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken) => Task.FromResult(TryClaim(eventId));
}
