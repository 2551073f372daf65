using System.Globalization;
using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Approvals;

/// <summary>
/// Approve, reject and veto, as use cases over <see cref="ChangeWorkflow"/>: the domain decides who may press what,
/// each press is confirmed in the thread and the message updates, and the last approval schedules the change.
/// </summary>
public sealed class ChangeApprovals(ChangeWorkflow workflow)
{
    public Task<ChangeOutcome<ApprovalOutcome>> ApproveAsync(ChangeId id, ChangeActor approver, int revision, string? requirementKey, CancellationToken cancellationToken) =>
        workflow.RunAsync(
            id,
            approver,
            revision,
            scope =>
            {
                var change = scope.Change;
                EnsureHoldsRole(scope, requirementKey);
                var outcome = change.Approve(scope.Actor.Actor, requirementKey, revision, scope.Now);
                if (outcome.AlreadyRecorded)
                {
                    return outcome;
                }

                var requirement = change.ApprovalPlan!.Requirements.First(candidate => candidate.Key == outcome.Approval.RequirementKey);
                var count = change.CurrentApprovals.Count(approval => approval.RequirementKey == requirement.Key);
                var text = Invariant($"✅ {SlackFormat.Person(approver.UserId)} approved: {requirement.Name} ({count} of {requirement.Count}).");
                text += outcome.StillNeeded.Count == 0 || outcome.ChangeApproved
                    ? " All the approvals it needs are in."
                    : " Still needed: " + string.Join("; ", outcome.StillNeeded.Select(open => Invariant($"{open.Requirement.Name} ({open.Remaining} more)"))) + ".";
                scope.Record("change.approved", text, new { requirement = requirement.Key, role = outcome.Approval.Role.ToString(), revision });
                ChangeScheduling.ScheduleIfApproved(scope);
                return outcome;
            },
            cancellationToken);

    public Task<ChangeOutcome<ChangeState>> RejectAsync(ChangeId id, ChangeActor rejecter, int revision, string reason, CancellationToken cancellationToken) =>
        workflow.RunAsync(
            id,
            rejecter,
            revision,
            scope =>
            {
                scope.Change.Reject(scope.Actor.Actor, reason, revision, scope.Now);
                scope.Record("change.rejected", $"❌ {SlackFormat.Person(rejecter.UserId)} rejected {id}: {scope.Change.LastReason}", new { reason = scope.Change.LastReason, revision });
                return scope.Change.State;
            },
            cancellationToken);

    public Task<ChangeOutcome<ChangeState>> VetoAsync(ChangeId id, ChangeActor eoc, int? revision, string reason, CancellationToken cancellationToken) =>
        workflow.RunAsync(
            id,
            eoc,
            revision,
            scope =>
            {
                var change = scope.Change;
                var wasUnderway = change.State.IsUnderway();
                change.Veto(scope.Actor.Actor, reason, scope.Now);
                var text = $"🛑 {SlackFormat.Person(eoc.UserId)} (EOC) vetoed {id}: {change.LastReason}";
                if (wasUnderway)
                {
                    text += $"\n{SlackFormat.Person(change.Executor)}, it was running: roll it back now, following the rollback plan.";
                }

                scope.Record("change.vetoed", text, new { reason = change.LastReason, wasUnderway });
                return change.State;
            },
            cancellationToken);

    /// <summary>
    /// A press on a role's approval by someone without the role is refused naming who holds it now (the EOC on call),
    /// so the requester knows whom to ask. The requester's own press is left to the domain ("you can't approve your own change").
    /// </summary>
    private static void EnsureHoldsRole(ChangeActionScope scope, string? requirementKey)
    {
        var change = scope.Change;
        var actor = scope.Actor.Actor;
        if (requirementKey is null
            || actor.IsSomeoneOf(change.Requester)
            || change.State is not (ChangeState.Submitted or ChangeState.Approved or ChangeState.Scheduled)
            || change.ApprovalPlan?.Requirements.FirstOrDefault(candidate => candidate.Key == requirementKey) is not { } requirement
            || requirement.Role == ApproverRole.Reviewer
            || actor.Holds(requirement.Role))
        {
            return;
        }

        var members = scope.RoleMembers.TryGetValue(requirement.Role, out var holders) ? holders : [];
        var who = members.Count == 0
            ? $"Nobody holds the {requirement.Role.Describe()} role right now; ask an admin to check ChangeBot:Roles."
            : requirement.Role == ApproverRole.Eoc
                ? $"On call now: {SlackFormat.People(members)}; ask them to approve."
                : $"Holding it now: {SlackFormat.People(members)}.";
        throw new DomainException($"{requirement.Name} for {change.Id} needs the {requirement.Role.Describe()}, and you don't hold that role right now. {who}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
