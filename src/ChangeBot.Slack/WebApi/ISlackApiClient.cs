using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Slack.WebApi;

/// <summary>
/// The Slack Web API methods the bot uses. Every call is authenticated with the bot token, checks <c>ok</c>
/// and throws <see cref="SlackApiException"/> on failure; 429, 5xx and timeouts are retried within a bound.
/// </summary>
public interface ISlackApiClient
{
    Task<PostedMessage> PostMessageAsync(string channel, MessageLayout message, string? threadTs = null, bool replyBroadcast = false, CancellationToken cancellationToken = default);

    Task<PostedMessage> UpdateMessageAsync(string channel, string ts, MessageLayout message, CancellationToken cancellationToken = default);

    /// <summary>Returns the ephemeral message's <c>message_ts</c>.</summary>
    Task<string> PostEphemeralAsync(string channel, string user, MessageLayout message, CancellationToken cancellationToken = default);

    /// <summary>Call it straight away with a fresh trigger id: Slack honours one only once, within 3 s.</summary>
    Task<OpenedView> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default);

    Task<OpenedView> UpdateViewAsync(string viewId, ModalView view, string? hash = null, CancellationToken cancellationToken = default);

    Task<OpenedView> PushViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default);

    Task<OpenedView> PublishHomeAsync(string userId, HomeView view, string? hash = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListUsergroupUsersAsync(string usergroup, CancellationToken cancellationToken = default);

    Task<SlackUserInfo> GetUserInfoAsync(string user, CancellationToken cancellationToken = default);

    Task<SlackAuthInfo> AuthTestAsync(CancellationToken cancellationToken = default);

    Task<SlackConversationInfo> GetConversationInfoAsync(string channel, CancellationToken cancellationToken = default);

    /// <summary>Posts to an interaction's <c>response_url</c> (no token: the URL is the credential).</summary>
    Task PostToResponseUrlAsync(Uri responseUrl, ResponseUrlMessage message, CancellationToken cancellationToken = default);
}
