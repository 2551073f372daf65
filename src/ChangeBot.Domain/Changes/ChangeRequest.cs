using System.Globalization;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Changes;

/// <summary>
/// A change request: its revisions, the approvals pinned to them, its lifecycle and its rollout. Every transition
/// checks the current state and throws a <see cref="DomainException"/> with a sentence a person can read; nothing
/// is silently ignored. Pure: every method that needs the time takes <c>now</c>.
/// </summary>
/// <remarks>The class is split by concern: approvals in ChangeRequest.Approvals.cs, execution in ChangeRequest.Rollout.cs.</remarks>
public sealed partial class ChangeRequest
{
    private readonly List<ChangeRevision> _revisions;
    private readonly List<Approval> _approvals;
    private readonly List<StateTransition> _transitions;
    private readonly List<StageRun> _stages;

    private ChangeRequest(ChangeRequestSnapshot snapshot)
    {
        Id = snapshot.Id;
        Requester = snapshot.Requester;
        CreatedAt = snapshot.CreatedAt;
        State = snapshot.State;
        _revisions = [.. snapshot.Revisions];
        ApprovalPlan = snapshot.ApprovalPlan;
        _approvals = [.. snapshot.Approvals];
        _transitions = [.. snapshot.Transitions];
        _stages = [.. snapshot.Stages];
        BakeStartedAt = snapshot.BakeStartedAt;
        PauseReason = snapshot.PauseReason;
        PausedAt = snapshot.PausedAt;
        RetrospectiveLink = snapshot.RetrospectiveLink;
    }

    public ChangeId Id { get; }

    /// <summary>Who filed the change (the planner), as a Slack user id or, for pipelines, the API client's name.</summary>
    public string Requester { get; }

    public DateTimeOffset CreatedAt { get; }

    public ChangeState State { get; private set; }

    /// <summary>The approvals the current revision needs; <c>null</c> while a draft.</summary>
    public ApprovalPlan? ApprovalPlan { get; private set; }

    public IReadOnlyList<ChangeRevision> Revisions => _revisions;

    public IReadOnlyList<StateTransition> Transitions => _transitions;

    public ChangeRevision CurrentRevision => _revisions[^1];

    public int Revision => CurrentRevision.Number;

    public ChangeRequestContent Content => CurrentRevision.Content;

    public string Title => Content.Title;

    public ChangeType Type => Content.Type;

    public Criticality Criticality => Content.EffectiveCriticality;

    public string Executor => Content.Executor;

    /// <summary>
    /// The reason on the latest transition that carries one: why it was rejected, vetoed, cancelled, rolled back or
    /// aborted, or why it went back to waiting for approval.
    /// </summary>
    public string? LastReason => _transitions.LastOrDefault(transition => transition.Reason is not null)?.Reason;

    /// <summary>
    /// A new draft holding <paramref name="content"/> as revision 1. Refused if the content is invalid; call
    /// <see cref="ChangeRequestContent.Validate"/> first to show the errors inline.
    /// </summary>
    public static ChangeRequest Draft(
        ChangeId id,
        string requester,
        ChangeRequestContent content,
        ChangeRules rules,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rules);
        if (string.IsNullOrWhiteSpace(requester))
        {
            throw new DomainException("A change request needs a requester.");
        }

        var requesterId = requester.Trim();
        EnsureValid(content, requesterId, rules, now);
        return new ChangeRequest(new ChangeRequestSnapshot
        {
            Id = id,
            Requester = requesterId,
            CreatedAt = now,
            State = ChangeState.Draft,
            Revisions = [new ChangeRevision(1, content.Frozen(), requesterId, now)],
        });
    }

    /// <summary>Files a change in one step, as <c>/change new</c> and the API do: a draft, submitted at once.</summary>
    public static ChangeRequest File(
        ChangeId id,
        string requester,
        ChangeRequestContent content,
        ChangeRules rules,
        bool templateAlreadyApproved,
        DateTimeOffset now)
    {
        var change = Draft(id, requester, content, rules, now);
        change.Submit(Actor.WithoutRoles(change.Requester), rules, templateAlreadyApproved, now);
        return change;
    }

    /// <summary>Rebuilds a stored change request exactly as it was, checking only that the snapshot hangs together.</summary>
    public static ChangeRequest Rehydrate(ChangeRequestSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ChangeRequestSnapshotCheck.Ensure(snapshot);
        return new ChangeRequest(snapshot);
    }

    public ChangeRequestSnapshot ToSnapshot() => new()
    {
        Id = Id,
        Requester = Requester,
        CreatedAt = CreatedAt,
        State = State,
        Revisions = [.. _revisions],
        ApprovalPlan = ApprovalPlan,
        Approvals = [.. _approvals],
        Transitions = [.. _transitions],
        Stages = [.. _stages],
        BakeStartedAt = BakeStartedAt,
        PauseReason = PauseReason,
        PausedAt = PausedAt,
        RetrospectiveLink = RetrospectiveLink,
    };

    /// <summary>Sends a draft for approval. A change that needs no approval (a pre-approved standard change) is approved at once.</summary>
    public void Submit(Actor by, ChangeRules rules, bool templateAlreadyApproved, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(rules);
        if (State != ChangeState.Draft)
        {
            throw Refused(State switch
            {
                ChangeState.Submitted => "it has already been submitted.",
                _ => "it can't be submitted again.",
            });
        }

        EnsureOwnerOrAdmin(by, "submit");

        // Time has passed since the draft was written: a start that was in the future may not be any more.
        EnsureValid(Content, Requester, rules, now);
        ApprovalPlan = ApprovalPlan.For(Content, rules.Approvals, templateAlreadyApproved);
        MoveTo(ChangeState.Submitted, by.UserId, now);
        ApproveIfComplete(by.UserId, now);
    }

    /// <summary>
    /// Replaces the content with a new revision. Allowed until the change starts. Approvals given on earlier
    /// revisions are voided (and listed in the outcome); an approved or scheduled change goes back to waiting for
    /// approval, except a standard change pre-approved by its template that <see cref="StaysWithinTemplate"/>: it stays
    /// where it was. Identical content changes nothing.
    /// </summary>
    public EditOutcome Edit(
        ChangeRequestContent content,
        Actor editor,
        ChangeRules rules,
        bool templateAlreadyApproved,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(editor);
        ArgumentNullException.ThrowIfNull(rules);
        if (State is not (ChangeState.Draft or ChangeState.Submitted or ChangeState.Approved or ChangeState.Scheduled))
        {
            throw Refused(State.IsUnderway()
                ? "it can't be edited while it runs; roll it back or abort it, then file a new change."
                : "it can't be edited any more.");
        }

        EnsureOwnerOrAdmin(editor, "edit");
        var validation = EnsureValid(content, Requester, rules, now);
        content = content.Frozen();
        var before = State;
        if (content.Equals(Content))
        {
            return new EditOutcome(false, Revision, [], before, before, validation.Warnings);
        }

        // Checked against the revision being replaced, before it is.
        var keepsPreApproval = ApprovalPlan?.PreApprovedByTemplate == true && StaysWithinTemplate(content);
        var revision = Revision + 1;
        _revisions.Add(new ChangeRevision(revision, content, editor.UserId, now));
        var voided = VoidApprovals(revision);
        if (State != ChangeState.Draft)
        {
            ApprovalPlan = ApprovalPlan.For(content, rules.Approvals, templateAlreadyApproved || keepsPreApproval);
            if (keepsPreApproval && ApprovalPlan.PreApprovedByTemplate)
            {
                // Still the approved template's kind of change: its pre-approval holds, and so does its slot.
                return new EditOutcome(true, revision, voided, before, State, validation.Warnings);
            }

            if (State != ChangeState.Submitted)
            {
                MoveTo(ChangeState.Submitted, editor.UserId, now, Invariant($"edited (revision {revision}); approvals needed again"));
            }

            ApproveIfComplete(editor.UserId, now);
        }

        return new EditOutcome(true, revision, voided, before, State, validation.Warnings);
    }

    /// <summary>
    /// Whether <paramref name="content"/> keeps this standard change within its template: still a standard change of
    /// the same template, its risk score not raised and its criticality not raised. Anything else is a different
    /// change from the one the template's approval covered.
    /// </summary>
    public bool StaysWithinTemplate(ChangeRequestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var template = Content.StandardTemplate?.Trim();
        return Content.Type == ChangeType.Standard
            && content.Type == ChangeType.Standard
            && !string.IsNullOrEmpty(template)
            && string.Equals(template, content.StandardTemplate?.Trim(), StringComparison.Ordinal)
            && content.Risk.Score <= Content.Risk.Score
            && content.EffectiveCriticality >= Content.EffectiveCriticality;
    }

    /// <summary>Approved → scheduled (change::scheduled): the change has a slot.</summary>
    public void Schedule(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State != ChangeState.Approved)
        {
            throw Refused(State switch
            {
                ChangeState.Draft => "it has to be submitted and approved before it can be scheduled.",
                ChangeState.Submitted => "it can be scheduled once approved.",
                ChangeState.Scheduled => "it can't be scheduled again.",
                _ => "it can't be scheduled.",
            });
        }

        if (!by.IsSomeoneOf(Requester, Executor) && !by.Holds(ApproverRole.Eoc) && !by.Holds(ApproverRole.Admin))
        {
            throw new DomainException(Invariant($"Only the requester (<@{Requester}>), the executor (<@{Executor}>), the EOC or an admin can schedule {Id}."));
        }

        MoveTo(ChangeState.Scheduled, by.UserId, now);
    }

    /// <summary>Withdraws a change that has not started. Once it runs, roll it back or abort it instead.</summary>
    public void Cancel(Actor by, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State is not (ChangeState.Draft or ChangeState.Submitted or ChangeState.Approved or ChangeState.Scheduled))
        {
            throw Refused(State.IsUnderway()
                ? "it can't be cancelled once started; roll it back or abort it."
                : "it can't be cancelled.");
        }

        EnsureOwnerOrAdmin(by, "cancel");
        MoveTo(ChangeState.Cancelled, by.UserId, now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }

    private static ContentValidation EnsureValid(ChangeRequestContent content, string requester, ChangeRules rules, DateTimeOffset now)
    {
        var validation = content.Validate(requester, now, rules.StageMinimums);
        return validation.IsValid ? validation : throw new ContentRejectedException(validation.Errors);
    }

    private void EnsureOwnerOrAdmin(Actor actor, string verb)
    {
        if (!actor.IsSomeoneOf(Requester, Executor) && !actor.Holds(ApproverRole.Admin))
        {
            throw new DomainException(Invariant($"Only the requester (<@{Requester}>), the executor (<@{Executor}>) or an admin can {verb} {Id}."));
        }
    }

    private void MoveTo(ChangeState to, string by, DateTimeOffset now, string? reason = null)
    {
        _transitions.Add(new StateTransition(State, to, by.Trim(), now, reason));
        State = to;
    }

    /// <summary>"CR-2026-0451 is completed; it can't be started again."</summary>
    private DomainException Refused(string consequence) =>
        new(Invariant($"{Id} is {State.Describe()}; {consequence}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
