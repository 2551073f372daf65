using System.Globalization;
using System.Text;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Scheduling;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Locks;

/// <summary>The #change posts and the ephemeral list for run-time locks; pure.</summary>
public static class LockMessages
{
    public static MessageLayout Declared(ChangeLock changeLock, LockDefinition definition, string by)
    {
        ArgumentNullException.ThrowIfNull(changeLock);
        ArgumentNullException.ThrowIfNull(definition);
        var period = definition.FirstPeriod;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"🔒 {SlackFormat.Person(by)} declared the *{changeLock.Title}*: {SlackFormat.When(period.Start)} → {SlackFormat.When(period.End)} ({PolicyText.Zone(changeLock.Zone)}){Repeats(definition.Recurrence)}.");
        ClockMessages.AppendLockTerms(text, changeLock, []);
        return ChangeThread.Text(text.ToString());
    }

    public static MessageLayout Ended(ChangeLock changeLock, string by)
    {
        ArgumentNullException.ThrowIfNull(changeLock);
        return ChangeThread.Text($"🔓 {SlackFormat.Person(by)} ended the *{changeLock.Title}*. Changes it held back may start again in their windows.");
    }

    /// <summary>Every lock of <paramref name="kind"/>: the policy's and those declared at run time, with the next occurrence.</summary>
    public static MessageLayout List(LockKind kind, ChangeCalendar calendar, IReadOnlyList<ActiveLock> active, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(active);
        var noun = kind == LockKind.Freeze ? "freezes" : "PCLs";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{char.ToUpperInvariant(noun[0])}{noun[1..]}*");
        var any = false;
        foreach (var changeLock in calendar.Policy.Locks.Concat(calendar.RuntimeLocks).Where(l => l.Kind == kind))
        {
            any = true;
            var declared = active.FirstOrDefault(item => item.Definition.Id == changeLock.Id);
            var origin = declared is null ? "policy file" : $"declared by {SlackFormat.Person(declared.CreatedBy)}";
            var next = changeLock.Schedule.Occurrences(new TimeInterval(now, now.AddYears(2)), changeLock.Zone).Cast<TimeInterval?>().FirstOrDefault();
            var when = next is { } period
                ? (period.Contains(now) ? $"in force until {SlackFormat.When(period.End)}" : $"next {SlackFormat.When(period.Start)} → {SlackFormat.When(period.End)}")
                : "no occurrence ahead";
            text.Append(CultureInfo.InvariantCulture, $"\n• *{changeLock.Name}* ({changeLock.Strength.ToString().ToLowerInvariant()}, {changeLock.Schedule}; {origin}): {when}");
        }

        if (!any)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nNone. An Admin declares one with `/change {(kind == LockKind.Freeze ? "freeze" : "pcl")} add`.");
        }

        return ChangeThread.Text(text.ToString());
    }

    private static string Repeats(LockRecurrence recurrence) => recurrence switch
    {
        LockRecurrence.Weekly => ", every week",
        LockRecurrence.Monthly => ", every month",
        _ => string.Empty,
    };
}
