namespace ChangeBot.Slack.Payloads;

/// <summary>The Events API body: <c>url_verification</c> (with <see cref="Challenge"/>) or <c>event_callback</c> (with <see cref="Event"/>).</summary>
public sealed record EventEnvelope
{
    public const string UrlVerification = "url_verification";
    public const string EventCallback = "event_callback";

    public required string Type { get; init; }

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? ApiAppId { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public SlackEvent? Event { get; init; }

    /// <summary>Slack's <c>X-Slack-Retry-Num</c> when this is a redelivery, else null.</summary>
    public int? RetryNum { get; init; }
}
