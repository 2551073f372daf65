using System.Collections.Concurrent;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Triggers;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// The thin I/O loop around <see cref="RollbackTriggerWatch"/>: the workflow calls <see cref="EvaluateAsync"/> for
/// each change in progress or baking; this asks Prometheus for the due expressions, reads the gate's state and
/// returns what fires now. Watches live in memory, one per change revision, so a restart restarts each
/// condition's duration (it never fires early); <see cref="RollbackTriggerWatch.States"/> can be stored to avoid that.
/// </summary>
public sealed class RollbackTriggerRunner(
    PrometheusClient prometheus,
    IMonitoringStatus status,
    IOptions<MonitoringOptions> options,
    TimeProvider time)
{
    private readonly ConcurrentDictionary<(ChangeId Id, int Revision), RollbackTriggerWatch> _watches = new();

    /// <summary>
    /// Evaluates <paramref name="change"/>'s triggers now. Returns nothing when the change is not underway or
    /// monitoring is not configured; forgets the watch once the change has ended.
    /// </summary>
    public async Task<IReadOnlyList<RollbackFiring>> EvaluateAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!change.State.IsUnderway())
        {
            Forget(change.Id);
            return [];
        }

        if (!options.Value.IsConfigured)
        {
            return [];
        }

        return await EvaluateAsync(WatchFor(change), change.BakeStartedAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One round for one watch: asks Prometheus for the expressions due now (concurrently, each within the timeout),
    /// adds the gate's "down" reason if it has one, and evaluates.
    /// </summary>
    public async Task<IReadOnlyList<RollbackFiring>> EvaluateAsync(RollbackTriggerWatch watch, DateTimeOffset? deploymentCompletedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watch);
        // One instant for the whole round, so the triggers due are the ones evaluated.
        var now = time.GetUtcNow();
        var due = watch.ExpressionsDue(now, deploymentCompletedAt);
        var answers = await Task.WhenAll(due.Select(promQl => AskAsync(promQl, cancellationToken))).ConfigureAwait(false);
        var observations = answers.ToDictionary(answer => answer.PromQl, answer => answer.Observation, StringComparer.Ordinal);
        var gate = status.Current;
        var down = gate.State == MonitoringState.Down && gate.LastCheckedAt is not null ? gate.Reason : null;
        lock (watch)
        {
            return watch.Evaluate(now, deploymentCompletedAt, observations, down);
        }
    }

    /// <summary>The watch of <paramref name="change"/>'s current revision, e.g. to show which conditions are holding.</summary>
    public RollbackTriggerWatch WatchFor(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _watches.GetOrAdd(
            (change.Id, change.Revision),
            _ => new RollbackTriggerWatch(change.Content.RollbackTriggers, options.Value.DataUnavailableFor));
    }

    public void Forget(ChangeId id)
    {
        foreach (var key in _watches.Keys.Where(key => key.Id == id))
        {
            _watches.TryRemove(key, out _);
        }
    }

    private async Task<(string PromQl, MetricObservation Observation)> AskAsync(string promQl, CancellationToken cancellationToken)
    {
        try
        {
            var result = await prometheus.QueryAsync(promQl, cancellationToken).ConfigureAwait(false);
            return (promQl, result.ToObservation());
        }
        catch (MonitoringUnavailableException exception)
        {
            return (promQl, MetricObservation.Unavailable(exception.Message));
        }
    }
}
