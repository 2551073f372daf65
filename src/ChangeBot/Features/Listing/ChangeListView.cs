using System.Globalization;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Listing;

/// <summary>The ephemeral answer to <c>/change list</c>: one line per change, times as Slack date tokens (each reader's own zone).</summary>
public static class ChangeListView
{
    /// <summary>Lines beyond this are summarised, to stay well inside a message's 50 blocks.</summary>
    public const int MaxLines = 40;

    public static MessageLayout Render(ChangeListFilter filter, IReadOnlyList<ChangeSummary> changes, IReadOnlyList<IncidentRecord> incidents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var title = string.Create(CultureInfo.InvariantCulture, $"{Title(filter)} ({changes.Count})");
        var blocks = new List<Block> { new HeaderBlock(title) };
        if (SlackFormat.Incidents(incidents, now) is { } active)
        {
            blocks.Add(SectionBlock.Markdown(active));
        }

        if (changes.Count == 0)
        {
            blocks.Add(SectionBlock.Markdown($"No changes here. {Hint(filter)}"));
        }

        blocks.AddRange(changes.Take(MaxLines).Select(change => (Block)SectionBlock.Markdown(Line(change))));
        if (changes.Count > MaxLines)
        {
            blocks.Add(ContextBlock.Markdown(string.Create(CultureInfo.InvariantCulture, $"…and {changes.Count - MaxLines} more. Narrow it with `/change list mine|pending|scheduled|today`.")));
        }

        blocks.Add(ContextBlock.Markdown("`/change show CR-…` shows one change with the buttons you may press."));
        return new MessageLayout(title, blocks);
    }

    /// <summary>"*CR-2026-0001* Upgrade Redis · scheduled · C3 · Dec 2 03:00 → 03:45 (45 minutes) · by @a, run by @b".</summary>
    public static string Line(ChangeSummary change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"*{change.Id}* {change.Title}\n{change.State.Describe()} · {change.Criticality} · {change.Type.ToString().ToLowerInvariant()} · {SlackFormat.Window(change.PlannedStart, change.PlannedEnd - change.PlannedStart)} · filed by {SlackFormat.Person(change.Requester)}, run by {SlackFormat.Person(change.Executor)}";
    }

    private static string Title(ChangeListFilter filter) => filter switch
    {
        ChangeListFilter.Mine => "Your open changes",
        ChangeListFilter.Pending => "Waiting for approval",
        ChangeListFilter.Scheduled => "Approved and scheduled",
        ChangeListFilter.Today => "Planned today",
        _ => "Open changes",
    };

    private static string Hint(ChangeListFilter filter) => filter switch
    {
        ChangeListFilter.Mine => "File one with `/change new`.",
        _ => "See every open change with `/change list`.",
    };
}
