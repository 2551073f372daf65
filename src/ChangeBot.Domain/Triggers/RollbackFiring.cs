using System.Globalization;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Triggers;

/// <summary>
/// A rollback trigger fired: the condition held for its duration. <see cref="Trigger"/> is <c>null</c> for the
/// fail-safe, "monitoring data unavailable" (seed 1), whose <see cref="Condition"/> carries the reason.
/// </summary>
public sealed record RollbackFiring(RollbackTrigger? Trigger, string Condition, double? Value, DateTimeOffset At)
{
    public bool IsFailSafe => Trigger is null;

    /// <summary>The sentence to post in the change's thread and to the executor and the EOC.</summary>
    public string Text => Value is { } value
        ? string.Create(CultureInfo.InvariantCulture, $"Rollback triggered: {Condition}, value {value:G6}")
        : $"Rollback triggered: {Condition}";
}
