using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Policy;

/// <summary>
/// Changes of the <see cref="Exclusive"/> criticalities never run two at once (seed 2: C1 and C2); the others may run
/// concurrently, and are told what else is running. A change of an <see cref="Exempt"/> type is not held back by the
/// ones in progress, only told what runs: by default emergencies, which seed 2 puts under incident management ("changes
/// that need to be performed during the resolution of an incident") and seed 1 lets run any time with the incident
/// commander's approval. An exempt change in progress still holds back the non-exempt ones.
/// </summary>
public sealed record SerialisationRule(IReadOnlySet<Criticality> Exclusive, IReadOnlySet<ChangeType> Exempt)
{
    public static SerialisationRule Default { get; } = new(
        new HashSet<Criticality> { Criticality.C1, Criticality.C2 },
        new HashSet<ChangeType> { ChangeType.Emergency });
}
