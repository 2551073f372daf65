using System.Globalization;
using ChangeBot.Domain.Approvals;

namespace ChangeBot.Domain.Changes;

public sealed partial class ChangeRequest
{
    /// <summary>Every approval ever given, voided ones included, oldest first.</summary>
    public IReadOnlyList<Approval> Approvals => _approvals;

    /// <summary>The approvals that count: given on the current revision.</summary>
    public IEnumerable<Approval> CurrentApprovals => _approvals.Where(approval => !approval.IsVoided);

    /// <summary>Requirements of the current revision not met yet, with how many more people each needs.</summary>
    public IReadOnlyList<OutstandingApproval> ApprovalsStillNeeded()
    {
        if (ApprovalPlan is null)
        {
            return [];
        }

        var outstanding = new List<OutstandingApproval>();
        foreach (var requirement in ApprovalPlan.Requirements)
        {
            var approvers = ApproversOf(requirement.Key);
            if (approvers.Count < requirement.Count)
            {
                outstanding.Add(new OutstandingApproval(requirement, requirement.Count - approvers.Count, approvers));
            }
        }

        return outstanding;
    }

    /// <summary>
    /// Records <paramref name="approver"/>'s approval of the revision they saw. With no
    /// <paramref name="requirementKey"/> it counts towards the first requirement still open that they can give;
    /// a second click by the same person on the same revision changes nothing. Refused for the requester, for a
    /// role not held right now, for a revision that is no longer current, and once a requirement is met. The last
    /// approval needed moves the change to approved.
    /// </summary>
    public ApprovalOutcome Approve(Actor approver, string? requirementKey, int revision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(approver);
        EnsureApprovalsOpen("approved");
        if (approver.IsSomeoneOf(Requester))
        {
            throw new DomainException("You can't approve your own change.");
        }

        EnsureCurrentRevision(revision, "approving");
        var plan = ApprovalPlan!;
        // A bare click counts once per phase: a double click must not turn one reviewer into the rollback operator
        // too, but the EOC who approved in writing still confirms on the bridge at the start.
        var phase = State == ChangeState.Submitted ? ApprovalGate.Approval : ApprovalGate.Start;
        var mine = CurrentApprovals
            .Where(approval => approval.ApproverId == approver.UserId)
            .Where(approval => requirementKey is not null || GateOf(plan, approval.RequirementKey) == phase)
            .ToList();
        var requirement = requirementKey is null
            ? mine.Count > 0 ? null : PickRequirementFor(approver, plan)
            : plan.Requirements.FirstOrDefault(candidate => string.Equals(candidate.Key, requirementKey.Trim(), StringComparison.Ordinal))
                ?? throw new DomainException(Invariant($"{Id} doesn't need '{requirementKey}'. {StillNeededSentence()}"));

        var already = requirement is null
            ? mine[0]
            : mine.FirstOrDefault(approval => approval.RequirementKey == requirement.Key);
        if (already is not null)
        {
            return new ApprovalOutcome(already, AlreadyRecorded: true, ChangeApproved: false, ApprovalsStillNeeded());
        }

        if (!approver.Holds(requirement!.Role))
        {
            throw new DomainException(Invariant($"{requirement.Name} for {Id} needs the {requirement.Role.Describe()} role, which you don't hold right now."));
        }

        var approvers = ApproversOf(requirement.Key);
        if (approvers.Count >= requirement.Count)
        {
            throw new DomainException(Invariant($"{Id} already has the {requirement.Name.ToLowerInvariant()} it needs ({approvers.Count} of {requirement.Count}). {StillNeededSentence()}"));
        }

        if (requirement.Gate == ApprovalGate.Start && State == ChangeState.Submitted)
        {
            throw new DomainException(Invariant(
                $"{requirement.Name} is given just before {Id} starts, once it is approved; it is still waiting for approval."));
        }

        var approval = new Approval(requirement.Key, approver.UserId, requirement.Role, Revision, now);
        _approvals.Add(approval);
        var approvedNow = ApproveIfComplete(approver.UserId, now);
        return new ApprovalOutcome(approval, AlreadyRecorded: false, approvedNow, ApprovalsStillNeeded());
    }

    /// <summary>
    /// Turns down a change waiting for approval, with a reason. Anyone who holds a role one of its requirements asks
    /// for may reject it, except the requester (who cancels instead).
    /// </summary>
    public void Reject(Actor rejecter, string reason, int revision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rejecter);
        if (State != ChangeState.Submitted)
        {
            throw Refused(State switch
            {
                ChangeState.Draft => "it has to be submitted before it can be rejected.",
                ChangeState.Approved or ChangeState.Scheduled => "it can't be rejected any more, but the EOC can veto it.",
                _ when State.IsUnderway() => "it can't be rejected any more, but the EOC can veto it.",
                _ => "it can't be rejected.",
            });
        }

        if (rejecter.IsSomeoneOf(Requester))
        {
            throw new DomainException(Invariant($"You can't reject your own change; cancel {Id} instead."));
        }

        var roles = ApprovalPlan!.Requirements.Select(requirement => requirement.Role).Distinct().ToList();
        if (!roles.Any(rejecter.Holds))
        {
            var needed = roles.Count == 0 ? "an approver role" : string.Join(" or ", roles.Select(role => role.Describe()));
            throw new DomainException(Invariant($"Only someone who may approve {Id} can reject it ({needed}), and you don't hold that role right now."));
        }

        EnsureCurrentRevision(revision, "rejecting");
        MoveTo(ChangeState.Rejected, rejecter.UserId, now, RequireReason(reason, "reject"));
    }

    /// <summary>
    /// The EOC's veto (seed 2: the on-call has veto power over any and all changes): stops the change at any point
    /// before it completes. A running change is left for its executor to roll back.
    /// </summary>
    public void Veto(Actor eoc, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(eoc);
        if (State.IsTerminal())
        {
            throw Refused("it can't be vetoed any more.");
        }

        if (!eoc.Holds(ApproverRole.Eoc))
        {
            throw new DomainException(Invariant($"Only the engineer on call (EOC) can veto {Id}, and you don't hold the EOC role right now."));
        }

        var why = RequireReason(reason, "veto");
        EndCurrentStage(now);
        MoveTo(ChangeState.Vetoed, eoc.UserId, now, why);
    }

    private void EnsureApprovalsOpen(string pastParticiple)
    {
        if (State is ChangeState.Submitted or ChangeState.Approved or ChangeState.Scheduled)
        {
            return;
        }

        throw Refused(State switch
        {
            ChangeState.Draft => "it has to be submitted before anyone can approve it.",
            _ when State.IsUnderway() => "approvals closed when it started.",
            _ => Invariant($"it can't be {pastParticiple} any more."),
        });
    }

    private void EnsureCurrentRevision(int revision, string doing)
    {
        if (revision != Revision)
        {
            throw new DomainException(Invariant(
                $"{Id} was edited after you opened it: you saw revision {revision}, and it is now at revision {Revision}. Review the change again before {doing} it."));
        }
    }

    private ApprovalRequirement PickRequirementFor(Actor approver, ApprovalPlan plan)
    {
        var open = ApprovalsStillNeeded()
            .Where(outstanding => (outstanding.Requirement.Gate == ApprovalGate.Approval) == (State == ChangeState.Submitted))
            .ToList();
        var mineToGive = open.Where(outstanding => approver.Holds(outstanding.Requirement.Role)).ToList();

        // A role few people hold before the reviewer role everyone holds: the EOC pressing Approve means the EOC's approval.
        var pick = mineToGive
            .OrderBy(outstanding => outstanding.Requirement.Role == ApproverRole.Reviewer ? 1 : 0)
            .FirstOrDefault();
        if (pick is not null)
        {
            return pick.Requirement;
        }

        if (open.Count == 0)
        {
            throw Refused("nothing is waiting for approval.");
        }

        var roles = string.Join(" or ", open.Select(outstanding => outstanding.Requirement.Role.Describe()).Distinct());
        throw new DomainException(Invariant($"Nothing left on {Id} is yours to approve: what remains needs the {roles} role, which you don't hold right now. {StillNeededSentence()}"));
    }

    private static ApprovalGate? GateOf(ApprovalPlan plan, string requirementKey) =>
        plan.Requirements.FirstOrDefault(requirement => requirement.Key == requirementKey)?.Gate;

    private List<string> ApproversOf(string requirementKey) =>
        CurrentApprovals
            .Where(approval => approval.RequirementKey == requirementKey)
            .Select(approval => approval.ApproverId)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private bool ApproveIfComplete(string by, DateTimeOffset now)
    {
        if (State != ChangeState.Submitted
            || ApprovalsStillNeeded().Any(outstanding => outstanding.Requirement.Gate == ApprovalGate.Approval))
        {
            return false;
        }

        var reason = ApprovalPlan!.PreApprovedByTemplate ? "pre-approved: its standard template was approved before" : null;
        MoveTo(ChangeState.Approved, by, now, reason);
        return true;
    }

    private List<Approval> VoidApprovals(int byRevision)
    {
        var voided = new List<Approval>();
        for (var index = 0; index < _approvals.Count; index++)
        {
            if (!_approvals[index].IsVoided)
            {
                _approvals[index] = _approvals[index] with { VoidedByRevision = byRevision };
                voided.Add(_approvals[index]);
            }
        }

        return voided;
    }

    private string StillNeededSentence()
    {
        var needed = ApprovalsStillNeeded();
        return needed.Count == 0
            ? "It needs no further approval."
            : "Still needed: " + string.Join("; ", needed.Select(outstanding => Invariant(
                $"{outstanding.Requirement.Name} ({outstanding.Remaining} more, {outstanding.Requirement.Role.Describe()})"))) + ".";
    }

    private static string RequireReason(string? reason, string verb) =>
        string.IsNullOrWhiteSpace(reason)
            ? throw new DomainException(Invariant($"Say why you {verb} the change: a reason is required."))
            : reason.Trim();
}
