namespace ChangeBot.Features.Locks;

/// <summary>What declaring or ending a lock came to: done with a sentence for the actor, or refused with why.</summary>
public sealed record LockOutcome(bool Succeeded, string Message)
{
    public static LockOutcome Done(string message) => new(true, message);

    public static LockOutcome Refused(string message) => new(false, message);
}
