using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Locks;

/// <summary><c>/change freeze …</c>.</summary>
public sealed class FreezeSubCommand(RoleDirectory roles, ChangeLocks locks, LockRecords records, LockCalendar calendar, TimeProvider clock)
    : LockSubCommand(LockKind.Freeze, roles, locks, records, calendar, clock)
{
    public const string Name = "freeze";
}
