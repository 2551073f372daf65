namespace ChangeBot.Features.Outbox;

/// <summary>
/// The port the outbox delivers through: one Slack Web API call, its JSON body as Slack takes it.
/// <see cref="SlackApiOutboxSender"/> implements it over the Slack adapter's client.
/// </summary>
public interface ISlackOutboxSender
{
    /// <summary>False when no bot token is configured: the outbox then keeps everything pending instead of failing it.</summary>
    bool IsConfigured { get; }

    Task<SlackSendResult> SendAsync(string method, string payloadJson, CancellationToken cancellationToken);
}
