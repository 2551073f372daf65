namespace ChangeBot.Slack.Payloads;

/// <summary><c>view_closed</c>: sent only for views opened with <c>notify_on_close</c>.</summary>
public sealed record ViewClosedPayload : InteractionPayload
{
    public required SlackViewPayload View { get; init; }

    public bool IsCleared { get; init; }
}
