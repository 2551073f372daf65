using System.Text.Json;
using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Operations;
using ChangeBot.Data.Sql;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Features.Policy;
using Dapper;

namespace ChangeBot.Features.Locks;

/// <summary>
/// Exceptions to a lock: a request names a CR, a category and a reason; it goes to the lock's exception approver with
/// Approve/Deny buttons. An approval is recorded as an override (kind <see cref="OverrideKind"/>, details
/// <see cref="LockExceptionDetails"/>), audited and posted in the CR's thread, and admission lets the change through
/// that lock only (<see cref="StoredLockExceptions"/>); a denial is audited and posted.
/// </summary>
public sealed class LockExceptions(
    ChangeBotStore store,
    ISqlDialect dialect,
    IChangeCalendarSource calendar,
    RoleDirectory roles,
    ChangeThread thread,
    ChangeWorkflow workflow,
    OutboxSignal outbox)
{
    public const string OverrideKind = "lock-exception";

    public async Task<LockOutcome> RequestAsync(ChangeId id, ExceptionCategory category, string reason, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return LockOutcome.Refused($"There is no change request {id}.");
        }

        var change = stored.Change;
        var planned = new TimeInterval(change.Content.PlannedStart, change.Content.PlannedStart + change.Content.EstimatedDuration);
        var blocking = calendar.Current.Occurrences(planned)
            .Select(occurrence => occurrence.Entry)
            .OfType<ChangeLock>()
            .Where(changeLock => changeLock.Blocks(change.Criticality) && changeLock.Scope.Covers(change.Content.Environment, change.Content.Services))
            .DistinctBy(changeLock => changeLock.Id)
            .ToList();
        if (blocking.Count == 0)
        {
            return LockOutcome.Refused($"No lock holds {id} back at its planned time ({SlackFormat.Window(change.Content.PlannedStart, change.Content.EstimatedDuration)}), so it needs no exception.");
        }

        var changeLock = blocking.FirstOrDefault(candidate => candidate.Exceptions.Contains(category));
        if (changeLock is null)
        {
            var allowed = string.Join("; ", blocking.Select(b => $"the {b.Title} allows {(b.Exceptions.Count == 0 ? "no exceptions" : string.Join(", ", b.Exceptions.Select(ExceptionCategoryText.Key)))}"));
            return LockOutcome.Refused($"No lock holding {id} back allows an exception for {ExceptionCategoryText.Key(category)}: {allowed}.");
        }

        var approvers = (await roles.MembersAsync(changeLock.ExceptionApprover, cancellationToken).ConfigureAwait(false)).Where(RoleOptions.IsUserId).ToList();
        if (approvers.Count == 0)
        {
            return LockOutcome.Refused($"Nobody holds the {changeLock.ExceptionApprover.Describe()} role, who approves exceptions to the {changeLock.Title}; an admin has to configure ChangeBot:Roles:{changeLock.ExceptionApprover}.");
        }

        var trimmed = reason.Trim();
        var request = new ExceptionRequest(id.ToString(), changeLock.Id, ExceptionCategoryText.Key(category), requestedBy, trimmed.Length > ExceptionRequest.MaxReason ? trimmed[..ExceptionRequest.MaxReason] : trimmed, change.Revision);
        await store.WriteAsync(
            (unit, _) =>
            {
                unit.Audit(AuditEntry.Of(requestedBy, ActorSource.Slack, "exception.requested", id, new { Lock = changeLock.Id, request.Category, request.Reason }));
                unit.Enqueue(thread.Reply(id, ExceptionMessages.Requested(request, changeLock, approvers)));
                foreach (var approver in approvers)
                {
                    unit.Enqueue(ChangeThread.DirectMessage(approver, ExceptionMessages.AskApprover(change, request, changeLock)));
                }

                return Task.FromResult(0);
            },
            cancellationToken).ConfigureAwait(false);
        outbox.Notify();
        return LockOutcome.Done($"Asked {SlackFormat.People(approvers)} ({changeLock.ExceptionApprover.Describe()}) to approve an exception to the {changeLock.Title} for {id}.");
    }

    public async Task<LockOutcome> DecideAsync(ExceptionRequest request, bool approve, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var changeLock = calendar.Current.Policy.Locks.Concat(calendar.Current.RuntimeLocks).FirstOrDefault(candidate => candidate.Id == request.LockId);
        if (changeLock is null)
        {
            return LockOutcome.Refused("That lock has ended or been removed, so there is nothing to decide.");
        }

        var actor = await roles.SlackUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!actor.Actor.Holds(changeLock.ExceptionApprover))
        {
            return LockOutcome.Refused($"Only the {changeLock.ExceptionApprover.Describe()} may decide exceptions to the {changeLock.Title}.");
        }

        if (actor.UserId == request.RequestedBy)
        {
            return LockOutcome.Refused("You asked for this exception, so someone else holding the role has to decide it.");
        }

        var stored = await store.GetAsync(request.Change, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return LockOutcome.Refused($"There is no change request {request.ChangeId}.");
        }

        DateTimeOffset? until = null;
        var details = string.Empty;
        if (approve)
        {
            var change = stored.Change;
            if (change.State.IsTerminal())
            {
                return LockOutcome.Refused($"{request.ChangeId} is {change.State.Describe()}, so it needs no exception any more.");
            }

            if (change.Revision != request.Revision)
            {
                return LockOutcome.Refused($"{request.ChangeId} was edited since the exception was asked (revision {request.Revision}, now {change.Revision}): ask for it again, so the decision is about the change as it is now.");
            }

            // The exception lasts as long as the occurrence of the lock that holds the change back at its planned time.
            var planned = new TimeInterval(change.Content.PlannedStart, change.Content.PlannedStart + change.Content.EstimatedDuration);
            var holding = calendar.Current.Occurrences(planned).Where(candidate => candidate.Entry is ChangeLock held && held.Id == changeLock.Id).ToList();
            if (holding.Count == 0)
            {
                return LockOutcome.Refused($"The {changeLock.Title} no longer holds {request.ChangeId} back at its planned time ({SlackFormat.Window(change.Content.PlannedStart, change.Content.EstimatedDuration)}), so there is nothing to except.");
            }

            until = holding.Max(occurrence => occurrence.Period.End);
            details = JsonSerializer.Serialize(new LockExceptionDetails(request.LockId, request.Category, request.RequestedBy, request.Revision, until.Value), LockRecords.Json);
            if (await AlreadyApprovedAsync(request, details, cancellationToken).ConfigureAwait(false))
            {
                return LockOutcome.Refused($"The exception for {request.ChangeId} to the {changeLock.Title} was already approved.");
            }
        }

        await store.WriteAsync(
            async (unit, token) =>
            {
                if (approve)
                {
                    await unit.Operations.AddOverrideAsync(new OverrideRecord(0, request.ChangeId, OverrideKind, request.Reason, actor.UserId, unit.Now, details), token).ConfigureAwait(false);
                }

                unit.Audit(AuditEntry.Of(actor.UserId, ActorSource.Slack, approve ? "exception.approved" : "exception.denied", request.Change, new { request.LockId, request.Category }));
                unit.Enqueue(thread.Reply(request.Change, ExceptionMessages.Decided(request, changeLock, approve, actor.UserId, until)));
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
        outbox.Notify();
        if (approve)
        {
            // Fully approved but held back by this lock at its planned start, the change can be scheduled now; and its
            // #change message shows the new answer either way.
            await workflow.RunAsync(
                request.Change,
                ChangeActor.Bot,
                seenRevision: null,
                scope =>
                {
                    ChangeScheduling.ScheduleIfApproved(scope);
                    scope.UpdateAnnouncement();
                    return 0;
                },
                cancellationToken).ConfigureAwait(false);
        }

        return LockOutcome.Done(approve
            ? $"Approved: {request.ChangeId} may run during the {changeLock.Title} as {request.Category} until {SlackFormat.When(until!.Value)}; every other rule still applies."
            : $"Denied the exception for {request.ChangeId}.");
    }

    private async Task<bool> AlreadyApprovedAsync(ExceptionRequest request, string details, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM overrides WHERE change_id = @ChangeId AND kind = @Kind AND details = @Details",
            new { request.ChangeId, Kind = OverrideKind, Details = details },
            cancellationToken: cancellationToken)) > 0;
    }
}
