namespace ChangeBot.Slack.WebApi;

/// <summary>A Web API call that failed: Slack's <c>error</c> code, its <c>response_metadata.messages</c> and the method.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, IReadOnlyList<string>? messages = null, Exception? inner = null)
        : base(Describe(method, error, messages ?? []), inner)
    {
        Method = method;
        Error = error;
        Messages = messages ?? [];
    }

    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : this("unknown", message, null, innerException)
    {
    }

    public string Method { get; }

    /// <summary>Slack's error code (<c>channel_not_found</c>, <c>invalid_blocks</c>, …) or ours (<c>bot_token_missing</c>, <c>http_503</c>, <c>timeout</c>).</summary>
    public string Error { get; }

    public IReadOnlyList<string> Messages { get; }

    /// <summary>
    /// <c>views.open</c>/<c>views.push</c> refused the trigger id because more than 3 s passed since the click or
    /// command. SLACK.md, our contract, names it <c>trigger_expired</c>; Slack's method reference names it
    /// <c>expired_trigger_id</c>: both are read as the same thing.
    /// </summary>
    public bool IsTriggerExpired => Error is "trigger_expired" or "expired_trigger_id";

    /// <summary>
    /// The trigger id can't open a view any more: expired (<see cref="IsTriggerExpired"/>), already used
    /// (<c>trigger_exchanged</c> in SLACK.md, <c>exchanged_trigger_id</c> in Slack's reference) or not one Slack issued
    /// (<c>invalid_trigger_id</c>). Only the user can get a new one, by running the command or pressing the button again.
    /// </summary>
    public bool IsTriggerUnusable => IsTriggerExpired || Error is "trigger_exchanged" or "exchanged_trigger_id" or "invalid_trigger_id";

    /// <summary>For <c>ratelimited</c>: the wait Slack asked for in <c>Retry-After</c>, so a caller that retries later can honour it.</summary>
    public TimeSpan? RetryAfter { get; init; }

    private static string Describe(string method, string error, IReadOnlyList<string> messages) =>
        messages.Count == 0 ? $"Slack {method} failed: {error}" : $"Slack {method} failed: {error} ({string.Join("; ", messages)})";
}
