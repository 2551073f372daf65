using ChangeBot.Domain.Admission;

namespace ChangeBot.Features.Admission;

/// <summary>Port: changes started and not finished, and changes scheduled (the storage slice implements it).</summary>
public interface IChangesInProgressSource
{
    ValueTask<IReadOnlyList<ChangeInProgress>> InProgressAsync(CancellationToken cancellationToken);

    /// <summary>The scheduled changes, indexed; implementations should cache the index and rebuild it on change.</summary>
    ValueTask<ScheduledChangeIndex> ScheduledAsync(CancellationToken cancellationToken);
}
