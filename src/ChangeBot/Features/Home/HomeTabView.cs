using System.Globalization;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;
using Humanizer;

namespace ChangeBot.Features.Home;

/// <summary>
/// The App Home tab, a pure function of a <see cref="HomeSnapshot"/>: my open changes, approvals waiting for me,
/// changes in progress, the active incidents, the active and next lock, the next windows. Times are Slack date tokens (each viewer's own
/// zone); distances in time are humanised.
/// </summary>
public static class HomeTabView
{
    /// <summary>Changes listed per section before "and N more", so the tab stays inside Slack's 100 blocks.</summary>
    public const int PerSection = 10;

    public static HomeView Render(HomeSnapshot home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var blocks = new List<Block>
        {
            new HeaderBlock("ChangeBot"),
            ContextBlock.Markdown($"Updated {SlackFormat.When(home.Now)} · `/change new` files a change · `/change help` lists the rest"),
        };

        // An incident changes what may start at all, so it comes before anything the viewer might act on.
        if (SlackFormat.Incidents(home.ActiveIncidents, home.Now) is { } incidents)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(SectionBlock.Markdown(incidents));
        }

        Section(blocks, "Approvals waiting for you", home.AwaitingMe, "Nothing waits for your approval.", home.Now, withApprove: true);
        Section(blocks, "Your open changes", home.MyOpen, "You have no open changes.", home.Now, withApprove: false);
        if (home.RetrospectivesOwed.Count > 0)
        {
            blocks.Add(SectionBlock.Markdown($"📝 *Retrospectives owed*: {string.Join(", ", home.RetrospectivesOwed)}. Add each with `/change retro CR-… <link>`."));
        }

        Section(blocks, "In progress now", home.InProgress, "No change is rolling out right now.", home.Now, withApprove: false);

        blocks.Add(new DividerBlock());
        blocks.Add(SectionBlock.Markdown("*Change locks*\n" + LockLine("🔒 Now", home.ActiveLock, home.Now, "No lock is in force.") + "\n" + LockLine("⏭ Next", home.NextLock, home.Now, "None ahead.")));
        blocks.Add(SectionBlock.Markdown("*Next normal change windows*\n" + (home.NextWindows.Count == 0
            ? "Normal changes may start at any time."
            : string.Join("\n", home.NextWindows.Select(opening => $"• {SlackFormat.When(opening)} ({Relative(opening, home.Now)})")))));
        return new HomeView(blocks);
    }

    private static void Section(List<Block> blocks, string title, IReadOnlyList<ChangeSummary> changes, string none, DateTimeOffset now, bool withApprove)
    {
        blocks.Add(new DividerBlock());
        blocks.Add(SectionBlock.Markdown(string.Create(CultureInfo.InvariantCulture, $"*{title}* ({changes.Count})")));
        if (changes.Count == 0)
        {
            blocks.Add(ContextBlock.Markdown(none));
            return;
        }

        foreach (var change in changes.Take(PerSection))
        {
            var line = $"*{change.Id}* {change.Title}\n{change.State.Describe()} · {change.Criticality} · starts {SlackFormat.When(change.PlannedStart)} ({Relative(change.PlannedStart, now)}) · run by {SlackFormat.Person(change.Executor)}";
            blocks.Add(new SectionBlock
            {
                Text = TextObject.Markdown(line),

                // A bare Approve counts for the scarcest role the viewer holds that the change still needs.
                Accessory = withApprove ? new ButtonElement(ChangeActions.For(ChangeActions.Approve, change.Id, change.Revision), "Approve") { Style = ButtonStyle.Primary } : null,
            });
        }

        if (changes.Count > PerSection)
        {
            blocks.Add(ContextBlock.Markdown(string.Create(CultureInfo.InvariantCulture, $"…and {changes.Count - PerSection} more: `/change list`.")));
        }

        blocks.Add(ContextBlock.Markdown(withApprove ? "`/change show CR-…` shows a change with its Approve buttons." : "`/change show CR-…` shows a change with what you can do."));
    }

    private static string LockLine(string label, HomeLock? found, DateTimeOffset now, string none) =>
        found is null
            ? $"{label}: {none}"
            : $"{label}: {found.Title}, {SlackFormat.When(found.From)} → {SlackFormat.When(found.Until)} ({(found.From <= now ? "ends " + Relative(found.Until, now) : "begins " + Relative(found.From, now))}); {found.Blocks}.";

    private static string Relative(DateTimeOffset at, DateTimeOffset now) => at.Humanize(now, CultureInfo.InvariantCulture);
}
