using ChangeBot.Data.Deliveries;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Deliveries;

/// <summary>
/// Slack event ids claimed in the bot's database, so a retry that reaches another replica (over HTTP or Socket Mode)
/// is still seen as a retry. Kept for an hour: Slack retries three times within minutes.
/// </summary>
public sealed class StoredSlackEventClaims(DeliveryClaims claims) : ISlackEventClaims
{
    public static readonly TimeSpan Keep = TimeSpan.FromHours(1);

    public Task<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken) =>
        claims.TryClaimAsync(DeliveryClaims.SlackEvent, eventId, Keep, cancellationToken);
}
