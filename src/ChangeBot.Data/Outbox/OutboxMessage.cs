namespace ChangeBot.Data.Outbox;

/// <summary>
/// A Slack Web API call the bot owes, written in the same transaction as the change that causes it.
/// <see cref="Channel"/> orders delivery (a user id for DMs and App Home); <see cref="MessageKey"/> names the
/// message a post creates or an update edits (e.g. <c>CR-2026-0001/change</c>); <see cref="ThreadKey"/> names the
/// message whose ts becomes <c>thread_ts</c> when this one is delivered.
/// </summary>
public sealed record OutboxMessage(
    string Method,
    string Channel,
    string PayloadJson,
    string? MessageKey = null,
    string? ThreadKey = null)
{
    public const string PostMessage = "chat.postMessage";
    public const string UpdateMessage = "chat.update";
    public const string PostEphemeral = "chat.postEphemeral";
    public const string PublishView = "views.publish";

    /// <summary>A new message in <paramref name="channel"/>, remembered as <paramref name="messageKey"/> once posted.</summary>
    public static OutboxMessage Post(string channel, string payloadJson, string? messageKey = null, string? threadKey = null) =>
        new(PostMessage, channel, payloadJson, messageKey, threadKey);

    /// <summary>A new version of the message posted as <paramref name="messageKey"/>; its ts is looked up at delivery.</summary>
    public static OutboxMessage Update(string channel, string messageKey, string payloadJson) =>
        new(UpdateMessage, channel, payloadJson, messageKey);
}
