using ChangeBot.Data;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Admission;
using ChangeBot.Features.Admission;

namespace ChangeBot.Features.Execution;

/// <summary>
/// The changes rolling out or baking, from the store, for serialisation (never two C1/C2 at once; the others are told
/// what runs). Few changes run at a time, so each is loaded for its services. The schedule index for conflict flags
/// is not built here yet (it stays empty, as before).
/// </summary>
internal sealed class StoredChangesInProgress(ChangeRequestQueries queries, ChangeBotStore store) : IChangesInProgressSource
{
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

    public ValueTask<ScheduledChangeIndex> ScheduledAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ScheduledChangeIndex.Empty);
}
