using ChangeBot.Data;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// The use case behind a reminder trigger: loads the change request, checks the reminder is still owed in its current
/// state (an approval given, a stage advanced or a note written since means nothing is sent), then writes the thread
/// reply and the DMs through the outbox, once per firing (<see cref="FiringKey"/>).
/// </summary>
public sealed partial class ChangeReminders(
    ChangeBotStore store,
    ChangePolicy policy,
    ChangeThread thread,
    RoleDirectory roles,
    HandoffNotes handoffNotes,
    OutboxSignal outbox,
    ILogger<ChangeReminders> logger)
{
    public async Task SendAsync(ChangeId id, ChangeReminder reminder, DateTimeOffset? lateSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null || !ReminderPlan.For(stored.Change, policy).Any(owed => owed.Key == reminder.Key))
        {
            LogNotOwed(logger, id.ToString(), reminder.Key);
            return;
        }

        var change = stored.Change;
        if (reminder.Kind == ChangeReminderKind.HandoffNoteMissing && await handoffNotes.WrittenForAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        List<OutboxMessage> messages;
        try
        {
            messages = await MessagesAsync(change, reminder, lateSince, cancellationToken).ConfigureAwait(false);
        }
        catch (DomainException unset)
        {
            LogNotSent(logger, id.ToString(), reminder.Key, unset.Message);
            return;
        }

        var owed = await store.WriteAsync((unit, token) => unit.EnqueueOnceAsync(FiringKey(id, reminder), messages, token), cancellationToken).ConfigureAwait(false);
        if (!owed)
        {
            LogAlreadySent(logger, id.ToString(), reminder.Key);
        }

        outbox.Notify();
    }

    /// <summary>The job, the change and the reminder with its due time: the same for every run of one firing.</summary>
    public static string FiringKey(ChangeId id, ChangeReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        return $"clock/{ClockJobs.ChangeReminder}/{id}/{reminder.Key}";
    }

    private async Task<List<OutboxMessage>> MessagesAsync(ChangeRequest change, ChangeReminder reminder, DateTimeOffset? lateSince, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        void ToThreadAndDm(Slack.BlockKit.MessageLayout message, params IEnumerable<string> people)
        {
            messages.Add(thread.Reply(change.Id, message));
            foreach (var person in people.Where(RoleOptions.IsUserId).Distinct(StringComparer.Ordinal))
            {
                messages.Add(ChangeThread.DirectMessage(person, message));
            }
        }

        switch (reminder.Kind)
        {
            case ChangeReminderKind.ApprovalsDayBefore or ChangeReminderKind.ApprovalsHourBefore:
                var before = reminder.Kind == ChangeReminderKind.ApprovalsDayBefore ? TimeSpan.FromHours(24) : TimeSpan.FromHours(1);
                messages.Add(thread.Reply(change.Id, ClockMessages.ApprovalsStillMissing(change, before, lateSince)));
                foreach (var open in change.ApprovalsStillNeeded().Where(open => open.Requirement.Role != ApproverRole.Reviewer))
                {
                    var dm = ClockMessages.ApprovalWanted(change, open.Requirement.Role, open.Remaining, before, lateSince);
                    var members = await roles.MembersAsync(open.Requirement.Role, cancellationToken).ConfigureAwait(false);
                    foreach (var member in members.Where(member => member != change.Requester && RoleOptions.IsUserId(member)))
                    {
                        messages.Add(ChangeThread.DirectMessage(member, dm));
                    }
                }

                break;
            case ChangeReminderKind.WindowSoon:
                var eoc = await roles.MembersAsync(ApproverRole.Eoc, cancellationToken).ConfigureAwait(false);
                ToThreadAndDm(ClockMessages.WindowSoon(change, ReminderPlan.HoldingWindow(change, policy), lateSince), [change.Executor, .. eoc]);
                break;
            case ChangeReminderKind.WindowPassed:
                ToThreadAndDm(ClockMessages.WindowPassed(change, ReminderPlan.HoldingWindow(change, policy), lateSince), change.Executor, change.Requester);
                break;
            case ChangeReminderKind.StageMonitored:
                ToThreadAndDm(ClockMessages.StageMonitored(change, lateSince), change.Executor);
                break;
            case ChangeReminderKind.BakeEnded:
                ToThreadAndDm(ClockMessages.BakeEnded(change, lateSince), change.Executor);
                break;
            case ChangeReminderKind.HandoffNoteMissing:
                ToThreadAndDm(ClockMessages.HandoffNoteMissing(change, lateSince), change.Executor);
                break;
            case ChangeReminderKind.RetrospectiveOwed:
                ToThreadAndDm(ClockMessages.RetrospectiveOwed(change, lateSince), change.Executor, change.Requester);
                break;
            default:
                throw new InvalidOperationException($"Unknown reminder {reminder.Kind}.");
        }

        return messages;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {ReminderKey} of {ChangeId} ran again for the same firing; it is owed already")]
    private static partial void LogAlreadySent(ILogger logger, string changeId, string reminderKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminder {ReminderKey} of {ChangeId} is no longer owed")]
    private static partial void LogNotOwed(ILogger logger, string changeId, string reminderKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {ReminderKey} of {ChangeId} not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string changeId, string reminderKey, string reason);
}
