using System.Globalization;
using ChangeBot.Domain;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Execution;

/// <summary>
/// The executor's use cases, each one act of the change workflow runner: start (admission checked at that moment),
/// advance a stage (refused before its minimum monitoring time), roll back, complete (after the bake), and record the
/// retrospective an emergency change owes. Refusals come back as sentences; nothing changes.
/// </summary>
public sealed class ChangeExecution(ChangeWorkflow workflow, ChangePolicy policy)
{
    public Task<ChangeOutcome<ExecutionReply>> StartAsync(ChangeId id, string userId, int? seenRevision, CancellationToken cancellationToken) =>
        workflow.RunAsSlackUserAsync(id, userId, seenRevision, Start, cancellationToken);

    public Task<ChangeOutcome<ExecutionReply>> AdvanceAsync(ChangeId id, string userId, int? seenRevision, CancellationToken cancellationToken) =>
        workflow.RunAsSlackUserAsync(id, userId, seenRevision, Advance, cancellationToken);

    public Task<ChangeOutcome<ExecutionReply>> RollbackAsync(ChangeId id, string userId, string reason, int? seenRevision, CancellationToken cancellationToken) =>
        workflow.RunAsSlackUserAsync(id, userId, seenRevision, scope => Rollback(scope, reason), cancellationToken);

    public Task<ChangeOutcome<ExecutionReply>> CompleteAsync(ChangeId id, string userId, int? seenRevision, CancellationToken cancellationToken) =>
        workflow.RunAsSlackUserAsync(id, userId, seenRevision, Complete, cancellationToken);

    public Task<ChangeOutcome<ExecutionReply>> RecordRetrospectiveAsync(ChangeId id, string userId, string link, CancellationToken cancellationToken) =>
        workflow.RunAsSlackUserAsync(id, userId, null, scope => Retrospective(scope, link), cancellationToken);

    private ExecutionReply Start(ChangeActionScope scope)
    {
        var change = scope.Change;
        if (!scope.Actor.Actor.IsSomeoneOf(change.Executor))
        {
            throw new DomainException($"Only the executor of {change.Id}, {SlackFormat.Person(change.Executor)}, can start it.");
        }

        // Admission only matters for a change that could start; for any other the domain's refusal says why not.
        var decision = scope.Decide(scope.Now);
        if (!decision.Allowed && IsStartable(change))
        {
            scope.Audit("change.start_refused", new { reasons = decision.Reasons.Select(reason => reason.Rule).ToList() });
            return new ExecutionReply(ExecutionMessages.StartBlocked(change, decision, scope.Now));
        }

        var step = change.Start(scope.Actor.Actor, scope.Now);
        scope.Audit("change.started", new { stage = step.Stage.Name, conditions = decision.Conditions.Select(c => c.Rule).ToList() });
        var announcement = ExecutionMessages.Started(change, step, decision);
        scope.Reply(announcement);
        AnnounceInProduction(scope, announcement);
        var text = $"You started {change.Id}. {ExecutionMessages.StageLine(change, step)}";
        return new ExecutionReply(ChangeThread.Text(text));
    }

    private static ExecutionReply Advance(ChangeActionScope scope)
    {
        var change = scope.Change;
        if (change is { State: ChangeState.InProgress, CurrentStage: { } stage }
            && stage.Index + 1 < change.Content.RolloutStages.Count
            && scope.Now < stage.MonitoredUntil
            && scope.Actor.Actor.IsSomeoneOf(change.Executor, change.Requester)
            && !change.IsPaused)
        {
            throw new DomainException(ExecutionMessages.TooEarly(change, stage, scope.Now));
        }

        var step = change.Advance(scope.Actor.Actor, scope.Now);
        scope.Audit(step.BakeStarted ? "change.bake_started" : "change.advanced", new { stage = step.Stage.Name, percent = step.Stage.Percent });
        var line = ExecutionMessages.StageLine(change, step);
        scope.Reply(ChangeThread.Text(line));
        return new ExecutionReply(ChangeThread.Text(line));
    }

    private ExecutionReply Rollback(ChangeActionScope scope, string reason)
    {
        var change = scope.Change;
        change.Rollback(scope.Actor.Actor, reason, scope.Now);
        var why = change.LastReason ?? reason;
        scope.Audit("change.rolled_back", new { reason = why, stage = change.Stages.Count > 0 ? change.Stages[^1].Name : null });
        var message = ExecutionMessages.RolledBack(change, scope.Actor.UserId, why);
        scope.Reply(message);
        AnnounceInProduction(scope, message);
        return new ExecutionReply(ChangeThread.Text($"Rollback of {change.Id} recorded and announced. Follow its rollback plan and say in the thread when the service is back to normal."));
    }

    private ExecutionReply Complete(ChangeActionScope scope)
    {
        var change = scope.Change;
        if (change.State == ChangeState.Monitoring
            && change.BakeEndsAt is { } ends
            && scope.Now < ends
            && scope.Actor.Actor.IsSomeoneOf(change.Executor, change.Requester)
            && !change.IsPaused)
        {
            throw new DomainException(ExecutionMessages.StillBaking(change, scope.Now));
        }

        var summary = change.Complete(scope.Actor.Actor, scope.Now);
        scope.Audit("change.completed", new { duration = summary.Duration.ToString("c", CultureInfo.InvariantCulture), stages = summary.Stages.Count });
        var message = ExecutionMessages.Completed(change, summary);
        scope.Reply(message);
        AnnounceInProduction(scope, message);
        var handoff = NeedsHandoff(change);
        var text = handoff
            ? $"{change.Id} is completed. Write the handoff note for the next region's on-call."
            : $"{change.Id} is completed.";
        return new ExecutionReply(ChangeThread.Text(text), handoff);
    }

    private static ExecutionReply Retrospective(ChangeActionScope scope, string link)
    {
        var change = scope.Change;
        if (!scope.Actor.Actor.IsSomeoneOf(change.Executor, change.Requester)
            && !scope.Actor.Actor.Holds(Domain.Approvals.ApproverRole.IncidentCommander)
            && !scope.Actor.Actor.Holds(Domain.Approvals.ApproverRole.Admin))
        {
            throw new DomainException($"Only the executor, the requester, the incident commander or an admin can record the retrospective of {change.Id}.");
        }

        if (change.Type == ChangeType.Emergency && change.StartedAt is null)
        {
            throw new DomainException($"{change.Id} hasn't started yet; its retrospective is owed once it has run.");
        }

        change.RecordRetrospective(link);
        var text = ExecutionMessages.RetrospectiveRecorded(change, scope.Actor.UserId);
        scope.Record("change.retrospective_recorded", text, new { link = change.RetrospectiveLink });
        return new ExecutionReply(ChangeThread.Text(text));
    }

    /// <summary>Seed 2: C1/C2 changes owe a handoff note to the next region once they are done.</summary>
    public static bool NeedsHandoff(ChangeRequest change) =>
        change?.State == ChangeState.Completed && change.Criticality is Criticality.C1 or Criticality.C2;

    private void AnnounceInProduction(ChangeActionScope scope, MessageLayout message)
    {
        if (policy.Rules.Approvals.ByCriticality.TryGetValue(scope.Change.Criticality, out var rules)
            && rules.AnnounceInProduction
            && scope.Thread.ProductionChannel is { } production)
        {
            scope.Enqueue(ChangeThread.PostTo(production, message));
        }
    }

    private static bool IsStartable(ChangeRequest change) =>
        change.State == ChangeState.Scheduled
        || (change.State == ChangeState.Approved && change.Type is ChangeType.Standard or ChangeType.Emergency);
}
