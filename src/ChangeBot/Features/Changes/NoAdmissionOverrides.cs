using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>The default until overrides and lock exceptions are recorded: none.</summary>
internal sealed class NoAdmissionOverrides : IAdmissionOverrideSource, ILockExceptionSource
{
    public ValueTask<IReadOnlyList<AdmissionOverride>> ForChangeAsync(ChangeId id, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<AdmissionOverride>>([]);

    ValueTask<IReadOnlyList<LockExceptionGrant>> ILockExceptionSource.ForChangeAsync(ChangeId id, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<LockExceptionGrant>>([]);
}
