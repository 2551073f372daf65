namespace ChangeBot.Slack.Payloads;

/// <summary>The fields every interactivity payload carries; <see cref="Type"/> says which subtype this is.</summary>
public abstract record InteractionPayload
{
    public required string Type { get; init; }

    public required SlackUser User { get; init; }

    public SlackTeam? Team { get; init; }

    public string? ApiAppId { get; init; }

    public string? TriggerId { get; init; }

    public string? ResponseUrl { get; init; }
}
