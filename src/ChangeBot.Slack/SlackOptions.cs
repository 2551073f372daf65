using System.ComponentModel.DataAnnotations;

namespace ChangeBot.Slack;

/// <summary>The <c>Slack</c> configuration section. Every setting is optional so the bot starts without Slack.</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string SectionName = "Slack";

    /// <summary>
    /// Signs every inbound request. Required over HTTP once <see cref="BotToken"/> is set: a bot that talks to Slack
    /// but cannot verify what Slack sends it would refuse every command. Without either, the bot starts without Slack.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>); without it every Web API call fails with <c>bot_token_missing</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// Receive commands, interactions and events over a WebSocket the bot opens (Socket Mode) instead of Slack posting
    /// to public URLs. Needs <see cref="AppToken"/>.
    /// </summary>
    public bool SocketMode { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) that opens Socket Mode connections.</summary>
    public string? AppToken { get; set; }

    /// <summary>Configurable because GovSlack serves the Web API from another host.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Slack gives up after 3 s; answer a little before that whatever the handler is doing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:02.900")]
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How many times a Web API call is retried after a 429, a 5xx or a timeout.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Per-attempt timeout of a Web API call.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SocketMode && (string.IsNullOrWhiteSpace(AppToken) || !AppToken.StartsWith("xapp-", StringComparison.Ordinal)))
        {
            yield return new ValidationResult(
                string.IsNullOrWhiteSpace(AppToken)
                    ? "Slack:SocketMode is true but Slack:AppToken is not set: create an app-level token (xapp-…) with connections:write on the app's Basic Information page."
                    : "Slack:AppToken must be an app-level token starting with xapp- (a bot token xoxb-… cannot open Socket Mode connections).",
                [nameof(AppToken)]);
        }

        if (!SocketMode && !string.IsNullOrWhiteSpace(BotToken) && string.IsNullOrWhiteSpace(SigningSecret))
        {
            yield return new ValidationResult(
                "Slack:SigningSecret is not set but Slack:BotToken is: copy the Signing Secret from the app's Basic Information page (env Slack__SigningSecret), or use Socket Mode.",
                [nameof(SigningSecret)]);
        }
    }
}
