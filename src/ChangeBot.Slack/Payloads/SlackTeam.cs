namespace ChangeBot.Slack.Payloads;

/// <summary>The workspace an interaction came from.</summary>
public sealed record SlackTeam
{
    public required string Id { get; init; }

    public string? Domain { get; init; }
}
