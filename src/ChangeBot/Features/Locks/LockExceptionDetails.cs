namespace ChangeBot.Features.Locks;

/// <summary>
/// What an approved lock exception keeps in its override record's details: the lock, the category, who asked, the
/// revision of the change the approver saw, and the end of the lock occurrence it lets the change through.
/// </summary>
public sealed record LockExceptionDetails(string LockId, string Category, string RequestedBy, int Revision, DateTimeOffset ExpiresAt);
