namespace ChangeBot.Slack.Payloads;

/// <summary>The user who interacted.</summary>
public sealed record SlackUser
{
    public required string Id { get; init; }

    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? TeamId { get; init; }
}
