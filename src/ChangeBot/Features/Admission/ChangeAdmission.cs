using ChangeBot.Domain.Admission;
using ChangeBot.Features.Policy;

namespace ChangeBot.Features.Admission;

/// <summary>
/// The host's use case "may this change start?": gathers the live state from its ports and asks the domain. The
/// gate, Slack's /change start and the scheduler all call this.
/// </summary>
public sealed class ChangeAdmission(
    IChangeCalendarSource calendar,
    IActiveIncidentSource incidents,
    IChangesInProgressSource changes,
    IMonitoringStatusSource monitoring,
    TimeProvider clock,
    AdmissionMetrics metrics)
{
    public async ValueTask<AdmissionDecision> DecideAsync(AdmissionQuery query, CancellationToken cancellationToken)
    {
        var live = new LiveState
        {
            Incidents = await incidents.ActiveAsync(cancellationToken).ConfigureAwait(false),
            InProgress = await changes.InProgressAsync(cancellationToken).ConfigureAwait(false),
            Scheduled = await changes.ScheduledAsync(cancellationToken).ConfigureAwait(false),
            Monitoring = await monitoring.CurrentAsync(cancellationToken).ConfigureAwait(false),
        };
        var decision = AdmissionEngine.Decide(query, calendar.Current, live, clock.GetUtcNow());
        metrics.Decided(decision);
        return decision;
    }
}
