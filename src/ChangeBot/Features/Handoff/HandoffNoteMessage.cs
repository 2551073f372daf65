using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Handoff;

/// <summary>The handoff note as posted to #handoff and the change's thread.</summary>
public static class HandoffNoteMessage
{
    public static MessageLayout Render(ChangeRequest change, HandoffNote note, string author)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(note);
        var blocks = new List<Block>
        {
            new HeaderBlock($"Handoff: {change.Id}"),
            SectionBlock.Markdown($"*{SlackFormat.Title(change)}* ({change.Criticality}, {change.State.Describe()}) · written by {SlackFormat.Person(author)}"),
            SectionBlock.Markdown($"*State and success*\n{note.State}"),
            SectionBlock.Markdown($"*Alerts silenced*\n{note.AlertsSilenced ?? "none"}"),
            SectionBlock.Markdown($"*Graphs to watch*\n{note.Graphs ?? "none named"}"),
        };
        if (note.Notes is { } notes)
        {
            blocks.Add(SectionBlock.Markdown($"*For the next on-call*\n{notes}"));
        }

        return new MessageLayout($"Handoff for {change.Id}: {note.State}", blocks);
    }

    /// <summary>The offer when the modal could not be opened at once (or later, from the thread).</summary>
    public static MessageLayout Offer(ChangeRequest change, string text)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new MessageLayout(text,
        [
            SectionBlock.Markdown(text),
            Button(change),
        ]);
    }

    /// <summary>"Write the handoff note": the button that opens the modal for <paramref name="change"/>.</summary>
    public static ActionsBlock Button(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ActionsBlock([new ButtonElement(ChangeActions.For(ChangeActions.Handoff, change.Id, change.Revision), "Write the handoff note") { Style = ButtonStyle.Primary }]);
    }
}
