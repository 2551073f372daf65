using ChangeBot.Data.Operations;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Admission;

namespace ChangeBot.Features.Incidents;

/// <summary>Admission's live-state port for incidents: the ones stored and not resolved.</summary>
internal sealed class StoredActiveIncidents(IncidentQueries incidents) : IActiveIncidentSource
{
    public async ValueTask<IReadOnlyList<ActiveIncident>> ActiveAsync(CancellationToken cancellationToken)
    {
        var active = await incidents.ActiveAsync(cancellationToken).ConfigureAwait(false);
        return [.. active.Select(incident => new ActiveIncident(incident.Id, Enum.Parse<IncidentSeverity>(incident.Severity), incident.Title))];
    }
}
