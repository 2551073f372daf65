namespace ChangeBot.Data.Operations;

/// <summary>
/// A freeze or production change lock created at run time (those in the policy file are not stored). The columns are
/// what queries need; <see cref="DefinitionJson"/> holds the domain type whole, mapped once that type exists.
/// </summary>
public sealed record ChangeLockRecord(
    string Id,
    string Name,
    string Kind,
    string LockType,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? Recurrence,
    string TimeZone,
    string Scope,
    string ExceptionsJson,
    string? ExceptionApprover,
    string DefinitionJson,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt);
