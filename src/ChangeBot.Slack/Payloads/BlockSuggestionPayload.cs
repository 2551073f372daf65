namespace ChangeBot.Slack.Payloads;

/// <summary>
/// <c>block_suggestion</c>: Slack asks for the options of an <c>external_select</c> as the user types
/// (<see cref="Value"/>), routed by the element's <see cref="ActionId"/>; the answer is <c>{"options":[…]}</c>.
/// </summary>
public sealed record BlockSuggestionPayload : InteractionPayload
{
    public required string ActionId { get; init; }

    public string? BlockId { get; init; }

    /// <summary>What the user has typed so far (may be empty).</summary>
    public string Value { get; init; } = string.Empty;

    public SlackContainer? Container { get; init; }

    /// <summary>The view the select sits in, when it is in a modal or Home.</summary>
    public SlackViewPayload? View { get; init; }
}
