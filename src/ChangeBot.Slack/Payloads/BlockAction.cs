namespace ChangeBot.Slack.Payloads;

/// <summary>One element the user acted on in a <c>block_actions</c> payload.</summary>
public sealed record BlockAction : ElementValue
{
    public required string ActionId { get; init; }

    public string? BlockId { get; init; }

    public string? ActionTs { get; init; }
}
