using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Policy;

/// <summary>
/// Changes of the <see cref="Exclusive"/> criticalities never run two at once (seed 2: C1 and C2); the others may run
/// concurrently, and are told what else is running.
/// </summary>
public sealed record SerialisationRule(IReadOnlySet<Criticality> Exclusive)
{
    public static SerialisationRule Default { get; } = new(new HashSet<Criticality> { Criticality.C1, Criticality.C2 });
}
