namespace ChangeBot.Domain.Triggers;

/// <summary>
/// Where one watched condition stands: since when it has held without a break (<c>null</c>: it does not hold now),
/// when it fired during this spell (<c>null</c>: not yet), and the last value seen. A record so the workflow can
/// store it and rebuild the watch after a restart.
/// </summary>
public sealed record TriggerWatchState(DateTimeOffset? HoldingSince = null, DateTimeOffset? FiredAt = null, double? LastValue = null)
{
    public static TriggerWatchState Clear { get; } = new();

    public bool IsHolding => HoldingSince is not null;

    public bool HasFired => FiredAt is not null;
}
