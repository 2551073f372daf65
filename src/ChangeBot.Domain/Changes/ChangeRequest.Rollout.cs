using System.Globalization;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Changes;

public sealed partial class ChangeRequest
{
    /// <summary>The stages that have started, in order; the last one is running while the change is in progress.</summary>
    public IReadOnlyList<StageRun> Stages => _stages;

    public StageRun? CurrentStage => State.IsUnderway() && _stages.Count > 0 ? _stages[^1] : null;

    public DateTimeOffset? StartedAt => _stages.Count > 0 ? _stages[0].StartedAt : null;

    /// <summary>When the last stage was fully rolled out and the bake began.</summary>
    public DateTimeOffset? BakeStartedAt { get; private set; }

    /// <summary>The earliest moment the bake is over and the change may complete.</summary>
    public DateTimeOffset? BakeEndsAt => BakeStartedAt + Content.RolloutStages[^1].MinimumMonitoring;

    public DateTimeOffset? CompletedAt =>
        _transitions.LastOrDefault(transition => transition.To == ChangeState.Completed)?.At;

    /// <summary>Set while an incident is declared: the rollout may not advance or complete until the EOC resumes it.</summary>
    public bool IsPaused => PauseReason is not null;

    public string? PauseReason { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>Seed 1: every emergency change triggers a retrospective. Owed once it has started, until linked.</summary>
    public bool RetrospectiveOwed => Type == ChangeType.Emergency && StartedAt is not null && RetrospectiveLink is null;

    public string? RetrospectiveLink { get; private set; }

    /// <summary>
    /// When the owed retrospective is due: the policy's number of days after the change ended (or, while it still
    /// runs, after it started). <c>null</c> when none is owed.
    /// </summary>
    public DateTimeOffset? RetrospectiveDueAt(ApprovalRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!RetrospectiveOwed)
        {
            return null;
        }

        var ended = State.IsTerminal() ? _transitions[^1].At : StartedAt!.Value;
        return ended.AddDays(rules.EmergencyRetrospectiveDueDays);
    }

    /// <summary>
    /// Starts the rollout: the first stage begins now. A scheduled change may start; so may an approved standard or
    /// emergency change, which has no slot to wait for. Start-gate approvals (the EOC on the bridge) must be in.
    /// </summary>
    public RolloutStep Start(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        var startable = State == ChangeState.Scheduled
            || (State == ChangeState.Approved && Type is ChangeType.Standard or ChangeType.Emergency);
        if (!startable)
        {
            throw Refused(State switch
            {
                ChangeState.Draft => "submit it for approval before starting it.",
                ChangeState.Submitted => "it can't start until every approval is in. " + StillNeededSentence(),
                ChangeState.Approved => "schedule it before starting it.",
                _ when State.IsUnderway() || State == ChangeState.Completed => "it can't be started again.",
                _ => "it can't be started.",
            });
        }

        EnsureExecutorOrRequester(by, "start");
        var atStart = ApprovalsStillNeeded().Where(outstanding => outstanding.Requirement.Gate == ApprovalGate.Start).ToList();
        if (atStart.Count > 0)
        {
            throw new DomainException(Invariant($"{Id} can't start yet. {StillNeededSentence()}"));
        }

        var first = Content.RolloutStages[0];
        var stage = new StageRun(0, first.Name, first.Percent, first.MinimumMonitoring, now);
        _stages.Add(stage);
        MoveTo(ChangeState.InProgress, by.UserId, now);
        return new RolloutStep(stage, BakeStarted: false, StepAfter(stage, now));
    }

    /// <summary>
    /// Moves on: to the next stage once the current one has been monitored for its minimum time, or, from the last
    /// stage (fully rolled out), into the bake. Refused while paused.
    /// </summary>
    public RolloutStep Advance(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State != ChangeState.InProgress)
        {
            throw Refused(State switch
            {
                ChangeState.Monitoring => "it is fully rolled out; complete it once the bake is over, or roll it back.",
                _ when State.IsTerminal() => "it can't be advanced any more.",
                _ => "start it before advancing it.",
            });
        }

        EnsureExecutorOrRequester(by, "advance");
        EnsureNotPaused("advanced");
        var current = _stages[^1];
        var plan = Content.RolloutStages;
        var isLast = current.Index == plan.Count - 1;
        if (!isLast && now < current.MonitoredUntil)
        {
            var next = plan[current.Index + 1];
            throw new DomainException(Invariant(
                $"The {current.Name} stage of {Id} must be monitored for {DurationText.Format(current.MinimumMonitoring)} before moving to {next.Name}: wait {DurationText.Format(current.MonitoredUntil - now)} more (until {current.MonitoredUntil.UtcDateTime:HH:mm:ss} UTC)."));
        }

        _stages[^1] = current with { EndedAt = now };
        if (isLast)
        {
            BakeStartedAt = now;
            MoveTo(ChangeState.Monitoring, by.UserId, now);
            return new RolloutStep(_stages[^1], BakeStarted: true, now + current.MinimumMonitoring);
        }

        var definition = plan[current.Index + 1];
        var stage = new StageRun(current.Index + 1, definition.Name, definition.Percent, definition.MinimumMonitoring, now);
        _stages.Add(stage);
        return new RolloutStep(stage, BakeStarted: false, StepAfter(stage, now));
    }

    /// <summary>Closes a change whose bake is over, and gives the summary to post.</summary>
    public CompletionSummary Complete(Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State != ChangeState.Monitoring)
        {
            throw Refused(State switch
            {
                ChangeState.InProgress => Invariant($"advance through every stage first (it is at {_stages[^1].Name})."),
                ChangeState.Completed => "it can't be completed again.",
                _ when State.IsTerminal() => "it can't be completed.",
                _ => "start it and roll it out before completing it.",
            });
        }

        EnsureExecutorOrRequester(by, "complete");
        EnsureNotPaused("completed");
        var bakeEnds = BakeEndsAt!.Value;
        if (now < bakeEnds)
        {
            var bake = Content.RolloutStages[^1].MinimumMonitoring;
            throw new DomainException(Invariant(
                $"{Id} is baking for {DurationText.Format(bake)}: wait {DurationText.Format(bakeEnds - now)} more (until {bakeEnds.UtcDateTime:HH:mm:ss} UTC) before completing it."));
        }

        MoveTo(ChangeState.Completed, by.UserId, now);
        return Summary()!;
    }

    /// <summary>The completion summary of a completed change; <c>null</c> before it completes.</summary>
    public CompletionSummary? Summary() =>
        State != ChangeState.Completed
            ? null
            : new CompletionSummary(
                Id,
                Title,
                Revision,
                StartedAt!.Value,
                BakeStartedAt!.Value,
                CompletedAt!.Value,
                Content.EstimatedDuration,
                [.. _stages],
                [.. CurrentApprovals]);

    /// <summary>
    /// Rolls a running or baking change back (a trigger fired, or a person decided). The executor, the requester,
    /// the rollback operator, the EOC or an admin may; a paused rollout may always be rolled back.
    /// </summary>
    public void Rollback(Actor by, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!State.IsUnderway())
        {
            throw Refused(State switch
            {
                ChangeState.RolledBack => "it has already been rolled back.",
                ChangeState.Completed => "it has completed; undo it with a new change.",
                _ when State.IsTerminal() => "it can't be rolled back.",
                _ => "it hasn't started, so there is nothing to roll back; cancel it instead.",
            });
        }

        var rollbackOperators = CurrentApprovals
            .Where(approval => approval.RequirementKey == ApprovalRequirementKeys.RollbackOperator)
            .Select(approval => approval.ApproverId);
        if (!by.IsSomeoneOf([Requester, Executor, .. rollbackOperators]) && !by.Holds(ApproverRole.Eoc) && !by.Holds(ApproverRole.Admin))
        {
            throw new DomainException(Invariant($"Only the executor (<@{Executor}>), the requester, the rollback operator, the EOC or an admin can roll back {Id}."));
        }

        var why = RequireReason(reason, "roll back");
        EndCurrentStage(now);
        MoveTo(ChangeState.RolledBack, by.UserId, now, why);
    }

    /// <summary>
    /// Stops a change during its rollout without rolling it back, e.g. because a pre-flight check failed before
    /// anything changed. A fully rolled-out change can only complete or roll back.
    /// </summary>
    public void Abort(Actor by, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (State != ChangeState.InProgress)
        {
            throw Refused(State switch
            {
                ChangeState.Monitoring => "it is fully rolled out; roll it back instead of aborting it.",
                ChangeState.Aborted => "it has already been aborted.",
                _ when State.IsTerminal() => "it can't be aborted.",
                _ => "it hasn't started; cancel it instead.",
            });
        }

        if (!by.IsSomeoneOf(Requester, Executor) && !by.Holds(ApproverRole.Eoc) && !by.Holds(ApproverRole.Admin))
        {
            throw new DomainException(Invariant($"Only the executor (<@{Executor}>), the requester, the EOC or an admin can abort {Id}."));
        }

        var why = RequireReason(reason, "abort");
        EndCurrentStage(now);
        MoveTo(ChangeState.Aborted, by.UserId, now, why);
    }

    /// <summary>
    /// Holds a running change because an incident was declared. Returns false when it was already paused (several
    /// incidents may pause the same rollout; the first reason is kept).
    /// </summary>
    public bool Pause(string reason, DateTimeOffset now)
    {
        if (!State.IsUnderway())
        {
            throw Refused("only a change that is rolling out or baking can be paused.");
        }

        if (IsPaused)
        {
            return false;
        }

        PauseReason = RequireReason(reason, "pause");
        PausedAt = now;
        return true;
    }

    /// <summary>The EOC lets a paused rollout continue.</summary>
    public void Resume(Actor eoc)
    {
        ArgumentNullException.ThrowIfNull(eoc);
        if (!IsPaused)
        {
            throw new DomainException(Invariant($"{Id} isn't paused, so there is nothing to resume."));
        }

        if (!eoc.Holds(ApproverRole.Eoc))
        {
            throw new DomainException(Invariant($"Only the engineer on call (EOC) can resume {Id}, and you don't hold the EOC role right now."));
        }

        PauseReason = null;
        PausedAt = null;
    }

    /// <summary>Links the retrospective an emergency change owes, which clears the debt.</summary>
    public void RecordRetrospective(string link)
    {
        if (Type != ChangeType.Emergency)
        {
            throw new DomainException(Invariant($"{Id} is a {Type.ToString().ToLowerInvariant()} change; only emergency changes owe a retrospective."));
        }

        if (!ChangeRequestContentValidator.IsWebUrl(link))
        {
            throw new DomainException("The retrospective link must be a web address starting with http:// or https://.");
        }

        RetrospectiveLink = link.Trim();
    }

    /// <summary>
    /// When the rollout may next move on from <paramref name="stage"/>: after its monitoring time, except for the
    /// last stage, whose monitoring time is the bake that follows the full rollout, so it may move on at once.
    /// </summary>
    private DateTimeOffset StepAfter(StageRun stage, DateTimeOffset now) =>
        stage.Index == Content.RolloutStages.Count - 1 ? now : stage.MonitoredUntil;

    private void EnsureExecutorOrRequester(Actor by, string verb)
    {
        if (!by.IsSomeoneOf(Executor, Requester))
        {
            throw new DomainException(Invariant($"Only the executor (<@{Executor}>) or the requester (<@{Requester}>) can {verb} {Id}."));
        }
    }

    private void EnsureNotPaused(string pastParticiple)
    {
        if (IsPaused)
        {
            throw new DomainException(Invariant(
                $"{Id} is paused ({PauseReason}) and can't be {pastParticiple} until the EOC resumes it. It can still be rolled back."));
        }
    }

    private void EndCurrentStage(DateTimeOffset now)
    {
        if (State == ChangeState.InProgress && _stages.Count > 0 && _stages[^1].EndedAt is null)
        {
            _stages[^1] = _stages[^1] with { EndedAt = now };
        }
    }
}
