namespace ChangeBot.Slack.Payloads;

/// <summary>The conversation an interaction happened in.</summary>
public sealed record SlackChannel
{
    public required string Id { get; init; }

    public string? Name { get; init; }
}
