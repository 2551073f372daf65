namespace ChangeBot.Features.Outbox;

/// <summary>
/// The port the outbox delivers through: one Slack Web API call, its JSON body as Slack takes it. The Slack adapter's
/// client implements it once it exists; <see cref="HttpSlackOutboxSender"/> is the plain HTTP version meanwhile.
/// </summary>
public interface ISlackOutboxSender
{
    /// <summary>False when no bot token is configured: the outbox then keeps everything pending instead of failing it.</summary>
    bool IsConfigured { get; }

    Task<SlackSendResult> SendAsync(string method, string payloadJson, CancellationToken cancellationToken);
}
