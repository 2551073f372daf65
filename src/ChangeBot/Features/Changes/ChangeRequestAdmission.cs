using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Admission;
using ChangeBot.Features.Policy;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Admission for a filed change request: the question built from the CR (type, criticality, services, environment,
/// start, duration, linked incident, the roles of the approvals it holds, its overrides and approved lock exceptions)
/// and the live state from the policy slice's ports.
/// </summary>
public sealed class ChangeRequestAdmission(
    IChangeCalendarSource calendar,
    IActiveIncidentSource incidents,
    IChangesInProgressSource changes,
    IMonitoringStatusSource monitoring,
    IAdmissionOverrideSource overrides,
    ILockExceptionSource exceptions)
{
    /// <summary>The admission question for <paramref name="change"/> starting at <paramref name="start"/> (default: its planned start).</summary>
    public static AdmissionQuery QueryFor(ChangeRequest change, AdmissionSituation situation, DateTimeOffset? start = null)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return AdmissionQuery.For(change, start, situation.Overrides, lockExceptions: situation.LockExceptions);
    }

    /// <summary>Reads the calendar, the live state and the CR's overrides and lock exceptions (none for a change not filed yet).</summary>
    public async ValueTask<AdmissionSituation> SituationAsync(ChangeId? id, CancellationToken cancellationToken)
    {
        var live = new LiveState
        {
            Incidents = await incidents.ActiveAsync(cancellationToken).ConfigureAwait(false),
            InProgress = await changes.InProgressAsync(cancellationToken).ConfigureAwait(false),
            Scheduled = await changes.ScheduledAsync(cancellationToken).ConfigureAwait(false),
            Monitoring = await monitoring.CurrentAsync(cancellationToken).ConfigureAwait(false),
        };
        var granted = id is { } changeId ? await overrides.ForChangeAsync(changeId, cancellationToken).ConfigureAwait(false) : [];
        var excepted = id is { } excepting ? await exceptions.ForChangeAsync(excepting, cancellationToken).ConfigureAwait(false) : [];
        return new AdmissionSituation(calendar.Current, live, granted, excepted);
    }

    /// <summary>The decision for <paramref name="change"/> at <paramref name="start"/> (default: its planned start), without I/O.</summary>
    public static AdmissionDecision Decide(ChangeRequest change, AdmissionSituation situation, DateTimeOffset now, DateTimeOffset? start = null)
    {
        ArgumentNullException.ThrowIfNull(situation);
        return AdmissionEngine.Decide(QueryFor(change, situation, start), situation.Calendar, situation.Live, now);
    }

    public async ValueTask<AdmissionDecision> DecideAsync(ChangeRequest change, DateTimeOffset now, DateTimeOffset? start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var situation = await SituationAsync(change.Id, cancellationToken).ConfigureAwait(false);
        return Decide(change, situation, now, start);
    }
}
