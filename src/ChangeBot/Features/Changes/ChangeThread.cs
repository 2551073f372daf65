using ChangeBot.Data.Outbox;
using ChangeBot.Domain;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Slack.BlockKit;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Changes;

/// <summary>
/// The conventions every slice follows for a change request's Slack messages. The announcement in #change is the
/// message keyed <c>{id}/change</c>; everything about the CR is a reply in its thread; the announcement itself is
/// updated to show the current state; C1/C2 changes are also announced in #production as <c>{id}/production</c>.
/// </summary>
public sealed class ChangeThread(IOptions<ChangeChannelsOptions> options)
{
    public static string AnnouncementKey(ChangeId id) => $"{id}/change";

    public static string ProductionKey(ChangeId id) => $"{id}/production";

    /// <summary>#change; a change can't be filed without it, so using it unset is refused with what to configure.</summary>
    public string ChangeChannel => options.Value.Change is { Length: > 0 } channel
        ? channel
        : throw new DomainException("ChangeBot can't announce changes yet: an admin has to set Slack:Channels:Change to the #change channel's id.");

    public string? ProductionChannel => options.Value.Production is { Length: > 0 } channel ? channel : null;

    public string? HandoffChannel => options.Value.Handoff is { Length: > 0 } channel ? channel : null;

    /// <summary>The announcement in #change that the thread hangs from.</summary>
    public OutboxMessage Announce(ChangeId id, MessageLayout message) =>
        OutboxMessage.Post(ChangeChannel, OutboxPayload.Of(message), messageKey: AnnouncementKey(id));

    /// <summary>The announcement in #production, or null when that channel is not configured.</summary>
    public OutboxMessage? AnnounceInProduction(ChangeId id, MessageLayout message) =>
        ProductionChannel is { } channel ? OutboxMessage.Post(channel, OutboxPayload.Of(message), messageKey: ProductionKey(id)) : null;

    /// <summary>A reply in the CR's thread in #change.</summary>
    public OutboxMessage Reply(ChangeId id, MessageLayout message) =>
        OutboxMessage.Post(ChangeChannel, OutboxPayload.Of(message), threadKey: AnnouncementKey(id));

    public OutboxMessage Reply(ChangeId id, string markdown) => Reply(id, Text(markdown));

    /// <summary>A new version of the announcement in #change.</summary>
    public OutboxMessage UpdateAnnouncement(ChangeId id, MessageLayout message) =>
        OutboxMessage.Update(ChangeChannel, AnnouncementKey(id), OutboxPayload.Of(message));

    /// <summary>A new version of the #production announcement, or null when that channel is not configured.</summary>
    public OutboxMessage? UpdateProductionAnnouncement(ChangeId id, MessageLayout message) =>
        ProductionChannel is { } channel ? OutboxMessage.Update(channel, ProductionKey(id), OutboxPayload.Of(message)) : null;

    /// <summary>
    /// What #production owes after an act that may also have edited <paramref name="change"/>: a change that first
    /// becomes C1/C2 gets a new post (there is no message to update yet); one that stops being C1/C2 gets its message
    /// updated to say so; one that stays C1/C2 is updated when its state or revision moved. Null when nothing is owed
    /// or #production is not configured.
    /// </summary>
    public OutboxMessage? FollowInProduction(ChangeRequest change, ProductionStanding before)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(before);
        var announced = IsAnnouncedInProduction(change);
        return (before.Announced, announced) switch
        {
            // A post keyed {id}/production becomes an update at delivery if an earlier spell as C1/C2 left one.
            (false, true) => AnnounceInProduction(change.Id, ProductionAnnouncement.Render(change, ChangeChannel)),
            (true, false) => UpdateProductionAnnouncement(change.Id, ProductionAnnouncement.RenderWithdrawn(change, ChangeChannel)),
            (true, true) when change.State != before.State || change.Revision != before.Revision =>
                UpdateProductionAnnouncement(change.Id, ProductionAnnouncement.Render(change, ChangeChannel)),
            _ => null,
        };
    }

    /// <summary>Whether the approval plan of <paramref name="change"/>'s current revision announces it in #production.</summary>
    public static bool IsAnnouncedInProduction(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.ApprovalPlan?.AnnounceInProduction == true;
    }

    /// <summary>A post in any channel (e.g. #handoff), optionally remembered under <paramref name="messageKey"/>.</summary>
    public static OutboxMessage PostTo(string channel, MessageLayout message, string? messageKey = null) =>
        OutboxMessage.Post(channel, OutboxPayload.Of(message), messageKey: messageKey);

    /// <summary>A direct message: posting to a user id opens the DM with the bot.</summary>
    public static OutboxMessage DirectMessage(string userId, MessageLayout message) =>
        OutboxMessage.Post(userId, OutboxPayload.Of(message));

    /// <summary>A message that is one line of mrkdwn (its fallback text is the same line).</summary>
    public static MessageLayout Text(string markdown) => new(markdown, [SectionBlock.Markdown(markdown)]);
}
