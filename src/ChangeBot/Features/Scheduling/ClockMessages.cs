using System.Globalization;
using System.Text;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Scheduling;

/// <summary>What the clock says in Slack: pure functions from what is due to Block Kit, tested without Slack.</summary>
public static class ClockMessages
{
    public static MessageLayout WindowOpens(ChangeType type, TimeInterval opening, IReadOnlyList<ChangeSummary> scheduled, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(scheduled);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🟢 *The change window for {ChangeMessage.TypeName(type)} changes is open* until {SlackFormat.When(opening.End)}.");
        text.Append(scheduled.Count == 0 ? "\nNothing is planned in it." : "\nPlanned in it:");
        AppendChanges(text, scheduled);
        return Layout(text, lateSince);
    }

    /// <summary>A criticality slot opening: which changes may start now, until when, and what is planned in it.</summary>
    public static MessageLayout SlotOpens(Criticality criticality, TimeInterval opening, IReadOnlyList<ChangeSummary> planned, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🟢 *The {criticality} slot is open* until {SlackFormat.When(opening.End)}: {criticality} changes may start in it (inside their change window).");
        text.Append(planned.Count == 0 ? $"\nNo {criticality} change is planned in it." : "\nPlanned in it:");
        AppendChanges(text, planned);
        return Layout(text, lateSince);
    }

    public static MessageLayout WindowCloses(ChangeType type, TimeInterval opening, IReadOnlyList<ChangeSummary> notStarted, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(notStarted);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🔴 *The change window for {ChangeMessage.TypeName(type)} changes has closed* (it opened {SlackFormat.When(opening.Start)}).");
        text.Append(notStarted.Count == 0 ? "\nEverything scheduled in it started." : "\nDid not start (reschedule or cancel):");
        AppendChanges(text, notStarted);
        return Layout(text, lateSince);
    }

    /// <summary>In the thread of a change still running when its window closes: the bot does not stop it.</summary>
    public static MessageLayout StillRunningAtClose(ChangeSummary change, IReadOnlyList<string> eoc, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"⏰ {SlackFormat.Person(change.Executor)} {Eoc(eoc)}: the change window for {ChangeMessage.TypeName(change.Type)} changes has closed while {change.Id} is still {change.State.Describe()}. ChangeBot does not stop it: finish, or roll back, and say so here.");
        return Layout(text, lateSince);
    }

    public static MessageLayout StillRunningAtLock(ChangeSummary change, ChangeLock changeLock, IReadOnlyList<string> eoc, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(changeLock);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🔒 {SlackFormat.Person(change.Executor)} {Eoc(eoc)}: the {changeLock.Title} has begun while {change.Id} is still {change.State.Describe()}. ChangeBot does not stop it: decide with the EOC whether to finish or roll back, and say so here.");
        return Layout(text, lateSince);
    }

    public static MessageLayout LockHeadsUp(ChangeLock changeLock, TimeInterval period, IReadOnlyList<string> exceptionApprovers, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(changeLock);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"⚠️ *Heads-up: the {changeLock.Title} begins in 24 hours*, {SlackFormat.When(period.Start)} → {SlackFormat.When(period.End)}.");
        AppendLockTerms(text, changeLock, exceptionApprovers);
        return Layout(text, lateSince);
    }

    public static MessageLayout LockStarts(ChangeLock changeLock, TimeInterval period, IReadOnlyList<string> exceptionApprovers, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(changeLock);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🔒 *The {changeLock.Title} has begun*; it ends {SlackFormat.When(period.End)}.");
        AppendLockTerms(text, changeLock, exceptionApprovers);
        return Layout(text, lateSince);
    }

    public static MessageLayout LockEnds(ChangeLock changeLock, TimeInterval period, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(changeLock);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🔓 *The {changeLock.Title} is over* (it began {SlackFormat.When(period.Start)}). Changes it held back may start again in their windows.");
        return Layout(text, lateSince);
    }

    /// <summary>What the lock means: what it blocks, its scope, its exceptions and who approves them.</summary>
    public static void AppendLockTerms(StringBuilder text, ChangeLock changeLock, IReadOnlyList<string> exceptionApprovers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(changeLock);
        ArgumentNullException.ThrowIfNull(exceptionApprovers);
        if (changeLock.Strength == LockStrength.Hard)
        {
            var emergency = string.Join(" and ", changeLock.EmergencyApprovers.Order().Select(role => "the " + role.Describe()));
            text.Append(CultureInfo.InvariantCulture, $"\n• *Hard*: no change may start; an emergency change needs {emergency}.");
        }
        else
        {
            var blocked = string.Join(", ", changeLock.BlockedCriticalities.Order());
            text.Append(CultureInfo.InvariantCulture, $"\n• *Soft*: {blocked} changes may not start; others may, if they {changeLock.Condition}.");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n• *Scope*: {changeLock.Scope}");
        var exceptions = changeLock.Exceptions.Count == 0
            ? "none"
            : string.Join("; ", changeLock.Exceptions.Order().Select(ExceptionCategoryText.Describe));
        text.Append(CultureInfo.InvariantCulture, $"\n• *Exceptions*: {exceptions}");
        if (changeLock.Exceptions.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• *Exceptions approved by*: the {changeLock.ExceptionApprover.Describe()} ({SlackFormat.People(exceptionApprovers, "nobody holds that role now")}); ask with `/change exception CR-… <category> <reason>`.");
        }
    }

    /// <summary>A DM asking for an approval that is still missing before the planned start.</summary>
    public static MessageLayout ApprovalWanted(ChangeRequest change, ApproverRole role, int remaining, TimeSpan before, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"⏳ {SlackFormat.Title(change)} is planned to start {SlackFormat.When(change.Content.PlannedStart)} (in {SlackFormat.Duration(before)}) and still needs {remaining} approval(s) from the {role.Describe()}, which you can give: open the change in #change.");
        return Layout(text, lateSince);
    }

    public static MessageLayout ApprovalsStillMissing(ChangeRequest change, TimeSpan before, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var missing = string.Join("; ", change.ApprovalsStillNeeded().Select(open => string.Create(CultureInfo.InvariantCulture, $"{open.Remaining} × {open.Requirement.Name}")));
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"⏳ Starts in {SlackFormat.Duration(before)} and still missing: {missing}.");
        return Layout(text, lateSince);
    }

    public static MessageLayout WindowSoon(ChangeRequest change, TimeInterval window, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"⏰ The window holding {SlackFormat.Title(change)} opens in 1 hour, {SlackFormat.When(window.Start)} → {SlackFormat.When(window.End)}; it is planned to start {SlackFormat.When(change.Content.PlannedStart)}. Executor {SlackFormat.Person(change.Executor)}: run the pre-flight checks before you start.");
        return Layout(text, lateSince);
    }

    public static MessageLayout WindowPassed(ChangeRequest change, TimeInterval window, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"⌛ The window for {SlackFormat.Title(change)} closed {SlackFormat.When(window.End)} and it did not start. {SlackFormat.Person(change.Executor)}: reschedule it (edit the planned start) or cancel it.");
        return Layout(text, lateSince);
    }

    public static MessageLayout StageMonitored(ChangeRequest change, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var stage = change.CurrentStage!;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"✅ {SlackFormat.Person(change.Executor)}: stage *{stage.Name}* ({stage.Percent} %) of {change.Id} has been monitored for {SlackFormat.Duration(stage.MinimumMonitoring)}. If the signals are healthy you may advance ({ChangeMessage.AdvanceLabel(change)}).");
        return Layout(text, lateSince);
    }

    public static MessageLayout BakeEnded(ChangeRequest change, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🍞 {SlackFormat.Person(change.Executor)}: the bake of {change.Id} is over. Complete the change, or roll it back?");
        return Layout(text, lateSince);
    }

    public static MessageLayout HandoffNoteMissing(ChangeRequest change, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"📝 {SlackFormat.Person(change.Executor)}: {change.Id} ({change.Criticality}) completed {SlackFormat.Duration(ReminderPlan.HandoffGrace)} ago and has no handoff note yet. Write it for the next shift (the button on the change).");
        return Layout(text, lateSince);
    }

    public static MessageLayout RetrospectiveOwed(ChangeRequest change, DateTimeOffset? lateSince)
    {
        ArgumentNullException.ThrowIfNull(change);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🔁 The retrospective of emergency change {SlackFormat.Title(change)} is due and not linked yet. {SlackFormat.Person(change.Executor)}, {SlackFormat.Person(change.Requester)}: hold it and link it to the change.");
        return Layout(text, lateSince);
    }

    /// <summary>The note a message carries when the bot was not running at its time and sends it on start-up.</summary>
    public static string LateNote(DateTimeOffset dueAt) =>
        $"_Sent late: this was due {SlackFormat.When(dueAt)}, while ChangeBot was not running._";

    private static void AppendChanges(StringBuilder text, IReadOnlyList<ChangeSummary> changes)
    {
        foreach (var change in changes)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• *{change.Id}* {change.Title} ({change.Criticality}, {change.State.Describe()}), {SlackFormat.When(change.PlannedStart)}, executor {SlackFormat.Person(change.Executor)}");
        }
    }

    private static string Eoc(IReadOnlyList<string> eoc) =>
        eoc.Count == 0 ? "and the EOC (nobody holds the role now)" : "and EOC " + SlackFormat.People(eoc);

    private static MessageLayout Layout(StringBuilder text, DateTimeOffset? lateSince)
    {
        var body = text.ToString();
        var blocks = new List<Block> { SectionBlock.Markdown(body) };
        if (lateSince is { } due)
        {
            blocks.Add(ContextBlock.Markdown(LateNote(due)));
            body += "\n" + LateNote(due);
        }

        return new MessageLayout(body, blocks);
    }
}
