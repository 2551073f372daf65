namespace ChangeBot.Slack.Payloads;

/// <summary>A slash command invocation as Slack posts it (form fields, snake_case on the wire). <c>token</c> is deprecated and ignored.</summary>
public sealed record SlashCommand
{
    public required string Command { get; init; }

    public string Text { get; init; } = "";

    public required string UserId { get; init; }

    public string? UserName { get; init; }

    public required string TeamId { get; init; }

    public string? TeamDomain { get; init; }

    public string? EnterpriseId { get; init; }

    public bool IsEnterpriseInstall { get; init; }

    public required string ChannelId { get; init; }

    public string? ChannelName { get; init; }

    public string? ApiAppId { get; init; }

    public string? ResponseUrl { get; init; }

    public string? TriggerId { get; init; }
}
