namespace ChangeBot.Slack.Payloads;

/// <summary>A text object as it comes back in payloads (<c>plain_text</c> or <c>mrkdwn</c>).</summary>
public sealed record SlackTextValue
{
    public string Type { get; init; } = "plain_text";

    public string Text { get; init; } = "";
}
