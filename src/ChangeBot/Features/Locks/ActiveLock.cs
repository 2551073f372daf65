namespace ChangeBot.Features.Locks;

/// <summary>A run-time lock in force: how it was declared, by whom and when.</summary>
public sealed record ActiveLock(LockDefinition Definition, string CreatedBy, DateTimeOffset CreatedAt);
