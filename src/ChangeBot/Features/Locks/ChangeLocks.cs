using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Features.Scheduling;

namespace ChangeBot.Features.Locks;

/// <summary>
/// Declaring and ending PCLs and freezes at run time. Only an Admin may; each act is audited and announced in #change
/// in the same transaction, then the calendar admission reads is rebuilt and the lock's announcements are put on the
/// clock at once.
/// </summary>
public sealed class ChangeLocks(
    ChangeBotStore store,
    LockRecords records,
    LockCalendar calendar,
    CalendarPlanner planner,
    ChangeThread thread,
    OutboxSignal outbox)
{
    public async Task<LockOutcome> DeclareAsync(LockDefinition definition, ChangeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        if (Refusal(actor, definition.Kind) is { } refused)
        {
            return LockOutcome.Refused(refused);
        }

        if (definition.Problems() is { Count: > 0 } problems)
        {
            return LockOutcome.Refused(string.Join(" ", problems.Select(problem => problem.Message)));
        }

        if ((await records.ActiveAsync(cancellationToken).ConfigureAwait(false)).Any(active => active.Definition.Id == definition.Id)
            || calendar.Current.Policy.Locks.Any(policyLock => ChangeLock.Slug(policyLock.Name) == ChangeLock.Slug(definition.Name)))
        {
            return LockOutcome.Refused($"A lock named '{definition.Name}' is already in force; end it first or choose another name.");
        }

        var changeLock = definition.ToChangeLock();
        string channel;
        try
        {
            channel = thread.ChangeChannel;
        }
        catch (DomainException unset)
        {
            return LockOutcome.Refused(unset.Message);
        }

        await store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Operations.SaveLockAsync(LockRecords.ToRecord(definition, actor.UserId, unit.Now), token).ConfigureAwait(false);
                unit.Audit(AuditEntry.Of(actor.UserId, actor.Source, "lock.declared", null, new { definition.Id, definition.Name, Kind = definition.Kind.ToString(), Strength = definition.Strength.ToString(), Period = definition.FirstPeriod.ToString(), Recurrence = definition.Recurrence.ToString(), definition.TimeZone }));
                unit.Enqueue(ChangeThread.PostTo(channel, LockMessages.Declared(changeLock, definition, actor.UserId)));
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
        outbox.Notify();
        await planner.PlanCalendarAsync(cancellationToken).ConfigureAwait(false);
        return LockOutcome.Done($"Declared the {changeLock.Title}: {definition.FirstPeriod}. It is announced in #change and admission applies it now.");
    }

    public async Task<LockOutcome> EndAsync(LockKind kind, string name, ChangeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Refusal(actor, kind) is { } refused)
        {
            return LockOutcome.Refused(refused);
        }

        var noun = kind == LockKind.Freeze ? "freeze" : "PCL";
        var active = (await records.ActiveAsync(cancellationToken).ConfigureAwait(false)).Where(item => item.Definition.Kind == kind).ToList();
        var match = active.FirstOrDefault(item => ChangeLock.Slug(item.Definition.Name) == ChangeLock.Slug(name ?? string.Empty));
        if (match is null)
        {
            if (calendar.Current.Policy.Locks.Any(policyLock => ChangeLock.Slug(policyLock.Name) == ChangeLock.Slug(name ?? string.Empty)))
            {
                return LockOutcome.Refused($"'{name}' comes from the policy file; change the file (and `changebot policy check` it) to end it.");
            }

            var names = active.Count == 0 ? "none is in force" : "in force: " + string.Join(", ", active.Select(item => $"'{item.Definition.Name}'"));
            return LockOutcome.Refused($"No run-time {noun} is named '{name}' ({names}).");
        }

        var channel = thread.ChangeChannel;
        var changeLock = match.Definition.ToChangeLock();
        await store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Operations.SaveLockAsync(LockRecords.ToRecord(match.Definition, match.CreatedBy, match.CreatedAt, unit.Now), token).ConfigureAwait(false);
                unit.Audit(AuditEntry.Of(actor.UserId, actor.Source, "lock.ended", null, new { match.Definition.Id, match.Definition.Name }));
                unit.Enqueue(ChangeThread.PostTo(channel, LockMessages.Ended(changeLock, actor.UserId)));
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
        outbox.Notify();
        await calendar.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return LockOutcome.Done($"Ended the {changeLock.Title}. It is announced in #change and no longer holds changes back.");
    }

    /// <summary>Only an Admin declares or ends a lock (seed 2: the EOC asks, an admin acts).</summary>
    private static string? Refusal(ChangeActor actor, LockKind kind) =>
        actor.Actor.Holds(ApproverRole.Admin)
            ? null
            : $"Only an Admin may declare or end a {(kind == LockKind.Freeze ? "freeze" : "PCL")}; ask one of the admins in ChangeBot:Roles:Admin.";
}
