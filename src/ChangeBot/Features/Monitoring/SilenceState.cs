namespace ChangeBot.Features.Monitoring;

public enum SilenceState
{
    /// <summary>Silencing now.</summary>
    Active = 1,

    /// <summary>Starts later.</summary>
    Pending = 2,

    Expired = 3,
}
