namespace ChangeBot.Slack.Payloads;

/// <summary><c>view_submission</c>: the user pressed a modal's submit button.</summary>
public sealed record ViewSubmissionPayload : InteractionPayload
{
    public required SlackViewPayload View { get; init; }
}
