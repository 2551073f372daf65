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
}
