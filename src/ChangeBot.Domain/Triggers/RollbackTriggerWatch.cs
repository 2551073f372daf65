using System.Globalization;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Triggers;

/// <summary>
/// Watches one change's rollback triggers while it rolls out and bakes. Pure: the caller asks Prometheus and passes
/// the answers and the time in; the watch remembers since when each condition has held and says when one fires.
/// <list type="bullet">
/// <item>A condition fires once it has held, at every evaluation without a break, for its <c>For</c> (zero: at once).
/// It fires once per spell: while it keeps holding it stays fired; once it clears it re-arms, so a regression after a
/// recovery is reported again (after its full duration again, so a flapping metric can't flood the thread).</item>
/// <item>"Holds" is strict: above means greater than the threshold, below means less. With several series, any one
/// holding is enough and the worst value is reported. NaN (0/0 while there is no traffic) and no series at all mean
/// the condition does not hold.</item>
/// <item>Immediate triggers are watched from the start; time-bounded ones only in their window after the deployment
/// completes (the last stage fully rolled out), and never after it.</item>
/// <item>Monitoring data unavailable (the stack is down, or a query can't be answered) is itself a trigger (seed 1,
/// fail safe), firing once it has lasted <see cref="DataUnavailableFor"/>. A condition whose data is unavailable keeps
/// its state: it neither clears nor gets closer to firing.</item>
/// <item>Manual-review triggers, and triggers without a PromQL expression, are for people: see <see cref="ForPeople"/>.</item>
/// </list>
/// </summary>
public sealed class RollbackTriggerWatch
{
    /// <summary>How long data may be missing before the fail-safe fires, unless configured: long enough to ride out a blip.</summary>
    public static readonly TimeSpan DefaultDataUnavailableFor = TimeSpan.FromMinutes(1);

    private readonly TriggerWatchState[] _states;

    public RollbackTriggerWatch(
        IEnumerable<RollbackTrigger> triggers,
        TimeSpan dataUnavailableFor,
        IReadOnlyList<TriggerWatchState>? states = null,
        TriggerWatchState? failSafe = null)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentOutOfRangeException.ThrowIfLessThan(dataUnavailableFor, TimeSpan.Zero);
        var all = triggers.ToList();
        Watched = [.. all.Where(IsWatched)];
        ForPeople = [.. all.Where(trigger => !IsWatched(trigger))];
        if (states is not null && states.Count != Watched.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The stored watch has {states.Count} states for {Watched.Count} watched triggers; it belongs to another revision."),
                nameof(states));
        }

        _states = states is null ? [.. Watched.Select(_ => TriggerWatchState.Clear)] : [.. states];
        DataUnavailableFor = dataUnavailableFor;
        FailSafe = failSafe ?? TriggerWatchState.Clear;
    }

    /// <summary>The triggers evaluated against Prometheus: immediate and time-bounded ones with a metric.</summary>
    public IReadOnlyList<RollbackTrigger> Watched { get; }

    /// <summary>The triggers a person judges: shown as a checklist in the change's thread.</summary>
    public IReadOnlyList<RollbackTrigger> ForPeople { get; }

    /// <summary>One state per <see cref="Watched"/> trigger, in the same order.</summary>
    public IReadOnlyList<TriggerWatchState> States => _states;

    /// <summary>The fail-safe's state: since when monitoring data has been unavailable.</summary>
    public TriggerWatchState FailSafe { get; private set; }

    public TimeSpan DataUnavailableFor { get; }

    /// <summary>Whether <paramref name="trigger"/> is being watched at <paramref name="now"/>.</summary>
    public static bool IsActive(RollbackTrigger trigger, DateTimeOffset now, DateTimeOffset? deploymentCompletedAt)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.Kind switch
        {
            RollbackTriggerKind.Immediate => true,
            RollbackTriggerKind.TimeBounded => deploymentCompletedAt is { } completed
                && now >= completed
                && now < completed + (trigger.Window ?? TimeSpan.Zero),
            _ => false,
        };
    }

    /// <summary>The distinct PromQL expressions to ask Prometheus for at <paramref name="now"/>.</summary>
    public IReadOnlyList<string> ExpressionsDue(DateTimeOffset now, DateTimeOffset? deploymentCompletedAt) =>
        [.. Watched
            .Where(trigger => IsActive(trigger, now, deploymentCompletedAt))
            .Select(trigger => trigger.Metric!.PromQl)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Takes one round of answers and returns the triggers that fire now (usually none).
    /// </summary>
    /// <param name="now">The time of this evaluation.</param>
    /// <param name="deploymentCompletedAt">When the last stage was fully rolled out; <c>null</c> while still rolling out.</param>
    /// <param name="observations">The answers by PromQL expression; a due expression missing here counts as unavailable.</param>
    /// <param name="monitoringDownReason">Set when the monitoring gate says the stack is down, whatever the queries said.</param>
    public IReadOnlyList<RollbackFiring> Evaluate(
        DateTimeOffset now,
        DateTimeOffset? deploymentCompletedAt,
        IReadOnlyDictionary<string, MetricObservation> observations,
        string? monitoringDownReason = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var firings = new List<RollbackFiring>();
        var unavailable = string.IsNullOrWhiteSpace(monitoringDownReason) ? null : monitoringDownReason.Trim();
        for (var index = 0; index < Watched.Count; index++)
        {
            var trigger = Watched[index];
            if (!IsActive(trigger, now, deploymentCompletedAt))
            {
                _states[index] = _states[index] with { HoldingSince = null };
                continue;
            }

            var metric = trigger.Metric!;
            var observation = observations.GetValueOrDefault(metric.PromQl)
                ?? MetricObservation.Unavailable("the query was not asked");
            if (observation.Kind == MetricObservationKind.Unavailable)
            {
                unavailable ??= $"{trigger.Description}: {observation.Reason}";
                continue;
            }

            var worst = Worst(metric.Comparison, observation.Values);
            var holds = worst is { } value && (metric.Comparison == MetricComparison.Above ? value > metric.Threshold : value < metric.Threshold);
            _states[index] = Step(_states[index], holds, worst, metric.For, now, out var fired);
            if (fired)
            {
                firings.Add(new RollbackFiring(trigger, trigger.Description.Trim(), worst, now));
            }
        }

        FailSafe = Step(FailSafe, unavailable is not null, null, DataUnavailableFor, now, out var failSafeFired);
        if (failSafeFired)
        {
            var lasting = DataUnavailableFor > TimeSpan.Zero ? $" for {Span(DataUnavailableFor)}" : string.Empty;
            firings.Add(new RollbackFiring(null, $"monitoring data unavailable{lasting} ({unavailable})", null, now));
        }

        return firings;
    }

    private static bool IsWatched(RollbackTrigger trigger) =>
        trigger.Kind is RollbackTriggerKind.Immediate or RollbackTriggerKind.TimeBounded
        && !string.IsNullOrWhiteSpace(trigger.Metric?.PromQl);

    /// <summary>The value furthest on the firing side; <c>null</c> when no series has a number.</summary>
    private static double? Worst(MetricComparison comparison, IReadOnlyList<double> values)
    {
        var numbers = values.Where(value => !double.IsNaN(value)).ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        return comparison == MetricComparison.Above ? numbers.Max() : numbers.Min();
    }

    private static TriggerWatchState Step(TriggerWatchState state, bool holds, double? value, TimeSpan duration, DateTimeOffset now, out bool fired)
    {
        fired = false;
        if (!holds)
        {
            return new TriggerWatchState(LastValue: value);
        }

        var since = state.HoldingSince ?? now;
        var firedAt = state.FiredAt;
        if (firedAt is null && now - since >= duration)
        {
            firedAt = now;
            fired = true;
        }

        return new TriggerWatchState(since, firedAt, value);
    }

    /// <summary>Minutes as the rest of the bot writes them; seconds only for the short spans tests and demos use.</summary>
    private static string Span(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerMinute == 0
            ? DurationText.Format(span)
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#}s");
}
