using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>The default until overrides are recorded: none.</summary>
internal sealed class NoAdmissionOverrides : IAdmissionOverrideSource
{
    public ValueTask<IReadOnlyList<AdmissionOverride>> ForChangeAsync(ChangeId id, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<AdmissionOverride>>([]);
}
