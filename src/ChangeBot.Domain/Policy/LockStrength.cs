namespace ChangeBot.Domain.Policy;

/// <summary>
/// Soft: blocks the criticalities listed (C1/C2 by default) and lets the others run under a condition.
/// Hard: blocks every change; an emergency needs the lock's emergency approvers.
/// </summary>
public enum LockStrength
{
    Soft = 1,
    Hard = 2,
}
