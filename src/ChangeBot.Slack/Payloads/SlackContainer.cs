namespace ChangeBot.Slack.Payloads;

/// <summary>Where the clicked element lives: a message (<c>message_ts</c>, <c>channel_id</c>) or a view (<c>view_id</c>).</summary>
public sealed record SlackContainer
{
    public required string Type { get; init; }

    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public string? ViewId { get; init; }

    public bool IsEphemeral { get; init; }
}
