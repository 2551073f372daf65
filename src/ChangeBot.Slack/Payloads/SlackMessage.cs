namespace ChangeBot.Slack.Payloads;

/// <summary>The message an interaction came from; absent when that message was ephemeral.</summary>
public sealed record SlackMessage
{
    public required string Ts { get; init; }

    public string? ThreadTs { get; init; }

    public string? Text { get; init; }

    public string? User { get; init; }

    public string? BotId { get; init; }
}
