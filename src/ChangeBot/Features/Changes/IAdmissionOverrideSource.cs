using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Port: the admission overrides recorded for a change request and not yet expired (the execution slice records them
/// and implements this; until then there are none).
/// </summary>
public interface IAdmissionOverrideSource
{
    ValueTask<IReadOnlyList<AdmissionOverride>> ForChangeAsync(ChangeId id, CancellationToken cancellationToken);
}
