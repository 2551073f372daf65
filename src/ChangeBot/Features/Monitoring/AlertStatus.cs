namespace ChangeBot.Features.Monitoring;

/// <summary>An alert's status in a webhook notification.</summary>
public enum AlertStatus
{
    Firing = 1,
    Resolved = 2,
}
