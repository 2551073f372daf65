using ChangeBot.Data;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Admission;

namespace ChangeBot.Features.Execution;

/// <summary>
/// The changes rolling out or baking, from the store, for serialisation (never two C1/C2 at once; the others are told
/// what runs). Few changes run at a time, so each is loaded for its services. The schedule index for conflict flags
/// is built from the booked changes once and cached: every write through the store invalidates it as it commits (not
/// in a listener after it, which let a change filed right after another's approval miss the conflict), and it is
/// rebuilt at most <see cref="IndexLifetime"/> after it was read, for writes by another replica.
/// </summary>
internal sealed class StoredChangesInProgress(ChangeRequestQueries queries, ChangeBotStore store, TimeProvider clock)
    : IChangesInProgressSource
{
    /// <summary>How long a cached schedule index is trusted when no commit said it changed.</summary>
    public static readonly TimeSpan IndexLifetime = TimeSpan.FromMinutes(1);

    /// <summary>Changes that ended this long ago still flag a conflict for a question about the recent past.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private (ScheduledChangeIndex Index, DateTimeOffset BuiltAt, long Generation)? _cached;

    public async ValueTask<IReadOnlyList<ChangeInProgress>> InProgressAsync(CancellationToken cancellationToken)
    {
        var running = await queries.InProgressAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<ChangeInProgress>(running.Count);
        foreach (var summary in running)
        {
            var stored = await store.GetAsync(summary.Id, cancellationToken).ConfigureAwait(false);
            result.Add(new ChangeInProgress(summary.Id, summary.Criticality, stored?.Change.Content.Services ?? []));
        }

        return result;
    }

    public async ValueTask<ScheduledChangeIndex> ScheduledAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var generation = store.WriteGeneration;
        lock (_gate)
        {
            if (_cached is { } cached && cached.Generation == generation && now - cached.BuiltAt < IndexLifetime)
            {
                return cached.Index;
            }
        }

        var index = new ScheduledChangeIndex(await queries.BookedScheduleAsync(now - Lookback, cancellationToken).ConfigureAwait(false));
        lock (_gate)
        {
            // A write under way or committed while this was read makes it stale already: answer with it, but don't keep it.
            if (generation == store.WriteGeneration && !store.IsWriting)
            {
                _cached = (index, now, generation);
            }
        }

        return index;
    }
}
