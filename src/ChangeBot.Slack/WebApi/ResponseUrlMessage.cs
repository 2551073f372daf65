using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Slack.WebApi;

/// <summary>A follow-up posted to a <c>response_url</c>: ephemeral unless <see cref="InChannel"/>; may replace the source message.</summary>
public sealed record ResponseUrlMessage(MessageLayout Message)
{
    public bool InChannel { get; init; }

    public bool ReplaceOriginal { get; init; }

    public bool DeleteOriginal { get; init; }
}
