namespace ChangeBot.Features.Outbox;

/// <summary>How a Slack Web API call ended, as far as retrying it goes.</summary>
public enum SlackSendOutcome
{
    Delivered = 1,

    /// <summary>Retrying cannot help (bad token, unknown channel, invalid blocks): dead-letter at once.</summary>
    Permanent = 2,

    /// <summary>A network error, a timeout, a 5xx: try again later.</summary>
    Transient = 3,

    /// <summary>HTTP 429: try again after the time Slack asked for.</summary>
    RateLimited = 4,
}
