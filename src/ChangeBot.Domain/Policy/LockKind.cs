namespace ChangeBot.Domain.Policy;

/// <summary>Seed 2 calls a lock on production a PCL; seed 1 calls a period without changes a freeze.</summary>
public enum LockKind
{
    Pcl = 1,
    Freeze = 2,
}
