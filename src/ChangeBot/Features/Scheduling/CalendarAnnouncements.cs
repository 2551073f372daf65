using ChangeBot.Data;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Features.Policy;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// The use case behind every calendar trigger: checks the event is still on the calendar (a lock lifted since is
/// not), then writes its announcement in #change (a window or a criticality slot opening, a lock), and the thread replies to changes still running when a window
/// closes or a hard lock begins, through the outbox, once per firing (<see cref="FiringKey"/>).
/// </summary>
public sealed partial class CalendarAnnouncements(
    ChangeBotStore store,
    ChangeRequestQueries queries,
    IChangeCalendarSource calendar,
    ChangeThread thread,
    RoleDirectory roles,
    OutboxSignal outbox,
    ILogger<CalendarAnnouncements> logger)
{
    private static readonly ChangeState[] NotStarted = [ChangeState.Submitted, ChangeState.Approved, ChangeState.Scheduled];

    public async Task AnnounceAsync(CalendarEvent due, DateTimeOffset? lateSince, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var current = calendar.Current;
        if (!CalendarEvents.StillDue(current, due))
        {
            LogNoLongerDue(logger, due.Key);
            return;
        }

        string channel;
        try
        {
            channel = thread.ChangeChannel;
        }
        catch (DomainException unset)
        {
            LogNoChannel(logger, due.Key, unset.Message);
            return;
        }

        var messages = due.Kind switch
        {
            _ when due.IsLockEvent => await LockMessagesAsync(channel, current, due, lateSince, cancellationToken).ConfigureAwait(false),
            CalendarEventKind.SlotOpens => await SlotMessagesAsync(channel, current.Policy, due, lateSince, cancellationToken).ConfigureAwait(false),
            _ => await WindowMessagesAsync(channel, due, lateSince, cancellationToken).ConfigureAwait(false),
        };
        var owed = await store.WriteAsync((unit, token) => unit.EnqueueOnceAsync(FiringKey(due), messages, token), cancellationToken).ConfigureAwait(false);
        if (!owed)
        {
            LogAlreadyAnnounced(logger, due.Key);
        }

        outbox.Notify();
    }

    /// <summary>The job and the event's scheduled time: the same for every run of one firing, whoever runs it.</summary>
    public static string FiringKey(CalendarEvent due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return $"clock/{ClockJobs.CalendarEvent}/{due.Key}@{ClockJobs.Instant(due.At)}";
    }

    private async Task<List<OutboxMessage>> WindowMessagesAsync(string channel, CalendarEvent due, DateTimeOffset? lateSince, CancellationToken cancellationToken)
    {
        var type = CalendarEvents.WindowType(due.EntryId) ?? throw new InvalidOperationException($"'{due.EntryId}' names no change type's window.");
        // Filed but not started: at the opening that is what is planned in it, at the close what did not start.
        var planned = (await queries.InStateAsync(NotStarted, cancellationToken).ConfigureAwait(false))
            .Where(change => change.Type == type && due.Period.Contains(change.PlannedStart))
            .ToList();
        var messages = new List<OutboxMessage>();
        if (due.Kind == CalendarEventKind.WindowOpens)
        {
            messages.Add(ChangeThread.PostTo(channel, ClockMessages.WindowOpens(type, due.Period, planned, lateSince)));
            return messages;
        }

        messages.Add(ChangeThread.PostTo(channel, ClockMessages.WindowCloses(type, due.Period, planned, lateSince)));
        var eoc = await roles.MembersAsync(ApproverRole.Eoc, cancellationToken).ConfigureAwait(false);
        foreach (var running in (await queries.InProgressAsync(cancellationToken).ConfigureAwait(false)).Where(change => change.Type == type))
        {
            messages.Add(thread.Reply(running.Id, ClockMessages.StillRunningAtClose(running, eoc, lateSince)));
        }

        return messages;
    }

    private async Task<List<OutboxMessage>> SlotMessagesAsync(string channel, ChangePolicy policy, CalendarEvent due, DateTimeOffset? lateSince, CancellationToken cancellationToken)
    {
        var criticality = CalendarEvents.SlotCriticality(due.EntryId) ?? throw new InvalidOperationException($"'{due.EntryId}' names no criticality's slot.");
        // Filed but not started, of a type the slots apply to, planned to start in this opening of the slot.
        var planned = (await queries.InStateAsync(NotStarted, cancellationToken).ConfigureAwait(false))
            .Where(change => change.Criticality == criticality && policy.SlotsApplyTo.Contains(change.Type) && due.Period.Contains(change.PlannedStart))
            .ToList();
        return [ChangeThread.PostTo(channel, ClockMessages.SlotOpens(criticality, due.Period, planned, lateSince))];
    }

    private async Task<List<OutboxMessage>> LockMessagesAsync(
        string channel,
        ChangeCalendar current,
        CalendarEvent due,
        DateTimeOffset? lateSince,
        CancellationToken cancellationToken)
    {
        var changeLock = current.Policy.Locks.Concat(current.RuntimeLocks).First(candidate => candidate.Id == due.EntryId);
        var approvers = await roles.MembersAsync(changeLock.ExceptionApprover, cancellationToken).ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        switch (due.Kind)
        {
            case CalendarEventKind.LockHeadsUp:
                messages.Add(ChangeThread.PostTo(channel, ClockMessages.LockHeadsUp(changeLock, due.Period, approvers, lateSince)));
                break;
            case CalendarEventKind.LockStarts:
                messages.Add(ChangeThread.PostTo(channel, ClockMessages.LockStarts(changeLock, due.Period, approvers, lateSince)));
                if (changeLock.Strength == LockStrength.Hard)
                {
                    var eoc = await roles.MembersAsync(ApproverRole.Eoc, cancellationToken).ConfigureAwait(false);
                    foreach (var running in await queries.InProgressAsync(cancellationToken).ConfigureAwait(false))
                    {
                        if (await store.GetAsync(running.Id, cancellationToken).ConfigureAwait(false) is { } stored
                            && changeLock.Scope.Covers(stored.Change.Content.Environment, stored.Change.Content.Services))
                        {
                            messages.Add(thread.Reply(running.Id, ClockMessages.StillRunningAtLock(running, changeLock, eoc, lateSince)));
                        }
                    }
                }

                break;
            default:
                messages.Add(ChangeThread.PostTo(channel, ClockMessages.LockEnds(changeLock, due.Period, lateSince)));
                break;
        }

        return messages;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar event {EventKey} ran again for the same firing; its announcement is owed already")]
    private static partial void LogAlreadyAnnounced(ILogger logger, string eventKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar event {EventKey} is no longer on the calendar; nothing announced")]
    private static partial void LogNoLongerDue(ILogger logger, string eventKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar event {EventKey} not announced: {Reason}")]
    private static partial void LogNoChannel(ILogger logger, string eventKey, string reason);
}
