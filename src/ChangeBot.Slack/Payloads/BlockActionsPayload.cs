namespace ChangeBot.Slack.Payloads;

/// <summary><c>block_actions</c>: a button, select or other element was used in a message or a view.</summary>
public sealed record BlockActionsPayload : InteractionPayload
{
    public SlackContainer? Container { get; init; }

    public SlackChannel? Channel { get; init; }

    /// <summary>Absent when the source message was ephemeral or the element sits in a view.</summary>
    public SlackMessage? Message { get; init; }

    public SlackViewPayload? View { get; init; }

    public IReadOnlyList<BlockAction> Actions { get; init; } = [];
}
