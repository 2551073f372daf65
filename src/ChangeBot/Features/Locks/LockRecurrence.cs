namespace ChangeBot.Features.Locks;

/// <summary>How a lock declared from Slack repeats: not at all, every week on its weekday, or every month on its day.</summary>
public enum LockRecurrence
{
    None = 0,
    Weekly = 1,
    Monthly = 2,
}
