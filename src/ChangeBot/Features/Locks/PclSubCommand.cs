using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Locks;

/// <summary><c>/change pcl …</c>.</summary>
public sealed class PclSubCommand(RoleDirectory roles, ChangeLocks locks, LockRecords records, LockCalendar calendar, TimeProvider clock)
    : LockSubCommand(LockKind.Pcl, roles, locks, records, calendar, clock)
{
    public const string Name = "pcl";
}
