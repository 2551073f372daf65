using System.Security.Cryptography;

namespace ChangeBot.Slack.Routing;

/// <summary>
/// Who and where a request came from, its correlation id (the "ref" users quote, also in every log line),
/// and the work the handler scheduled for after the ack.
/// </summary>
public sealed class SlackRequestContext
{
    private readonly List<SlackDeferredWork> _after = [];

    public SlackRequestContext(SlackInboundKind kind, string? userId, string? channelId, string? responseUrl, string? triggerId, string? teamId = null)
    {
        Kind = kind;
        UserId = userId;
        ChannelId = channelId;
        ResponseUrl = responseUrl;
        TriggerId = triggerId;
        TeamId = teamId;
        CorrelationId = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
    }

    public SlackInboundKind Kind { get; }

    public string CorrelationId { get; }

    public string? UserId { get; }

    public string? ChannelId { get; }

    public string? ResponseUrl { get; }

    public string? TriggerId { get; }

    public string? TeamId { get; }

    /// <summary>Hands over the work scheduled so far and forgets it, so each item starts exactly once.</summary>
    public IReadOnlyList<SlackDeferredWork> TakeDeferred()
    {
        lock (_after)
        {
            var taken = _after.ToList();
            _after.Clear();
            return taken;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> after the ack, with its own scope and the host's stopping token. If it
    /// throws, the user gets an ephemeral "something went wrong (ref …)".
    /// </summary>
    public void After(Func<IServiceProvider, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_after)
        {
            _after.Add(new SlackDeferredWork(this, work));
        }
    }
}
