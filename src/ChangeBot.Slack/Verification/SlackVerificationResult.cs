namespace ChangeBot.Slack.Verification;

/// <summary>Whether an inbound request really came from Slack, and if not, why (safe to log: no body, no secret).</summary>
public sealed record SlackVerificationResult(bool IsValid, string Reason)
{
    public static SlackVerificationResult Valid { get; } = new(true, "ok");

    public static SlackVerificationResult Invalid(string reason) => new(false, reason);
}
