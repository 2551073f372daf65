using ChangeBot.Domain.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Changes;

/// <summary>
/// The #production announcement of a C1/C2 change (<c>{id}/production</c>): what, when, who, its current state, and
/// where to follow it. Posted on filing and updated on each change of state, like the announcement in #change.
/// </summary>
public static class ProductionAnnouncement
{
    public static MessageLayout Render(ChangeRequest change, string changeChannel)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = $"📣 *{change.Criticality} change planned*: {SlackFormat.Title(change)}\n"
            + $"Window: {SlackFormat.Window(change.Content.PlannedStart, change.Content.EstimatedDuration)}\n"
            + $"Services: {string.Join(", ", change.Content.Services)} · executor {SlackFormat.Person(change.Executor)} · requester {SlackFormat.Person(change.Requester)}\n"
            + $"State: {ChangeMessage.StateLine(change)}\n"
            + $"Follow it in <#{changeChannel}>.";
        return ChangeThread.Text(text);
    }

    /// <summary>
    /// The #production message of a change edited down from C1/C2: it stays (people may have read it) but says the
    /// change is no longer production-critical and is followed in #change only.
    /// </summary>
    public static MessageLayout RenderWithdrawn(ChangeRequest change, string changeChannel)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = $"ℹ️ *No longer a production-critical change*: {SlackFormat.Title(change)}\n"
            + $"It was edited to {change.Criticality} (revision {change.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}), so it is no longer announced or updated here.\n"
            + $"Follow it in <#{changeChannel}>.";
        return ChangeThread.Text(text);
    }
}
