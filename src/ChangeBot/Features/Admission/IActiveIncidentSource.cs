using ChangeBot.Domain.Admission;

namespace ChangeBot.Features.Admission;

/// <summary>Port: the incidents declared and not resolved (the incidents slice implements it).</summary>
public interface IActiveIncidentSource
{
    ValueTask<IReadOnlyList<ActiveIncident>> ActiveAsync(CancellationToken cancellationToken);
}
