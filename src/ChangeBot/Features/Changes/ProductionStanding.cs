using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Where a change stood before an act, as far as #production cares: whether it was announced there (a C1/C2), its
/// state and its revision. <see cref="ChangeThread.FollowInProduction"/> compares it with the change after the act.
/// </summary>
public sealed record ProductionStanding(bool Announced, ChangeState State, int Revision)
{
    public static ProductionStanding Of(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ProductionStanding(ChangeThread.IsAnnouncedInProduction(change), change.State, change.Revision);
    }
}
