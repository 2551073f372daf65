namespace ChangeBot.Slack.Routing;

/// <summary>
/// Decides whether an Events API delivery runs: true the first time its <c>event_id</c> is seen, false for a retry
/// Slack sent because the 200 was late (<c>X-Slack-Retry-Num</c>). The default, <see cref="SlackEventDeduplicator"/>,
/// remembers ids in memory; a host with several replicas registers one that shares the memory between them.
/// </summary>
public interface ISlackEventClaims
{
    Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken);
}
