namespace ChangeBot.Features.Outbox;

/// <summary>What <see cref="ISlackOutboxSender"/> reports: the message's ts when delivered, else the error and when to retry.</summary>
public sealed record SlackSendResult(SlackSendOutcome Outcome, string? Ts = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    /// <summary>Slack errors that no retry can fix.</summary>
    public static IReadOnlySet<string> PermanentErrors { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission", "missing_scope",
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found", "message_not_found", "cant_update_message",
        "invalid_blocks", "invalid_blocks_format", "invalid_arguments", "msg_too_long", "no_text", "too_many_attachments",
    };

    public static SlackSendResult Delivered(string? ts) => new(SlackSendOutcome.Delivered, ts);

    /// <summary>Slack answered <c>ok: false</c> with <paramref name="error"/>: permanent or transient by its name.</summary>
    public static SlackSendResult Failed(string error) =>
        new(PermanentErrors.Contains(error) ? SlackSendOutcome.Permanent : SlackSendOutcome.Transient, Error: error);

    public static SlackSendResult Transient(string error) => new(SlackSendOutcome.Transient, Error: error);

    public static SlackSendResult RateLimited(TimeSpan retryAfter) =>
        new(SlackSendOutcome.RateLimited, Error: "ratelimited", RetryAfter: retryAfter);
}
