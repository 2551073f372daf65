using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Tests.Changes;

/// <summary>Change requests brought to a given state the way people would, one legal step at a time.</summary>
public sealed class ChangeRequestBuilder
{
    private ChangeRequestContent _content = ContentBuilder.Normal();
    private ChangeRules _rules = ChangeRules.Default;
    private bool _templateApproved;
    private int _number = 451;

    public static Actor RequesterActor { get; } = Actor.Engineer(ContentBuilder.Requester);

    public static Actor ExecutorActor { get; } = Actor.Engineer(ContentBuilder.Executor);

    public static Actor Eoc { get; } = Actor.Engineer("U0EOC", ApproverRole.Eoc);

    public static Actor Admin { get; } = Actor.Engineer("U0ADMIN", ApproverRole.Admin);

    public ChangeRequestBuilder With(ChangeRequestContent content)
    {
        _content = content;
        return this;
    }

    public ChangeRequestBuilder With(Func<ChangeRequestContent, ChangeRequestContent> change)
    {
        _content = change(_content);
        return this;
    }

    public ChangeRequestBuilder WithRules(ChangeRules rules)
    {
        _rules = rules;
        return this;
    }

    public ChangeRequestBuilder TemplateAlreadyApproved()
    {
        _templateApproved = true;
        return this;
    }

    public ChangeRequestBuilder Numbered(int number)
    {
        _number = number;
        return this;
    }

    public static Actor Reviewer(int n) => Actor.Engineer($"U0REVIEW{n}");

    public ChangeRequest Draft() =>
        ChangeRequest.Draft(ChangeId.Create(2026, _number), ContentBuilder.Requester, _content, _rules, ContentBuilder.Now);

    public ChangeRequest Submitted() =>
        ChangeRequest.File(ChangeId.Create(2026, _number), ContentBuilder.Requester, _content, _rules, _templateApproved, ContentBuilder.Now);

    /// <summary>Submitted, then every approval-gate requirement given by distinct people holding the right roles.</summary>
    public ChangeRequest Approved()
    {
        var change = Submitted();
        GiveAll(change, ApprovalGate.Approval);
        Assert.Equal(ChangeState.Approved, change.State);
        return change;
    }

    public ChangeRequest Scheduled()
    {
        var change = Approved();
        change.Schedule(RequesterActor, ContentBuilder.Now);
        return change;
    }

    /// <summary>Scheduled, start-gate approvals given, then started at <see cref="ContentBuilder.Now"/> plus a day.</summary>
    public ChangeRequest InProgress()
    {
        var change = Scheduled();
        GiveAll(change, ApprovalGate.Start);
        change.Start(ExecutorActor, StartTime);
        return change;
    }

    /// <summary>
    /// Rolled through every stage, each advanced as soon as allowed (the last one at once, its time being the bake):
    /// now baking. With the default stages the bake starts 45 minutes after the start.
    /// </summary>
    public ChangeRequest Monitoring()
    {
        var change = InProgress();
        var step = new RolloutStep(change.CurrentStage!, false, change.CurrentStage!.MonitoredUntil);
        while (change.State == ChangeState.InProgress)
        {
            step = change.Advance(ExecutorActor, step.NextStepAt);
        }

        return change;
    }

    public ChangeRequest Completed()
    {
        var change = Monitoring();
        change.Complete(ExecutorActor, change.BakeEndsAt!.Value);
        return change;
    }

    /// <summary>A default change brought to <paramref name="state"/> along the happy path.</summary>
    public static ChangeRequest In(ChangeState state)
    {
        var builder = new ChangeRequestBuilder();
        return state switch
        {
            ChangeState.Draft => builder.Draft(),
            ChangeState.Submitted => builder.Submitted(),
            ChangeState.Approved => builder.Approved(),
            ChangeState.Scheduled => builder.Scheduled(),
            ChangeState.InProgress => builder.InProgress(),
            ChangeState.Monitoring => builder.Monitoring(),
            ChangeState.Completed => builder.Completed(),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No builder path to this state."),
        };
    }

    public static DateTimeOffset StartTime => ContentBuilder.Now.AddDays(1);

    /// <summary>A different person for each approval, holding the role it asks for.</summary>
    public static void GiveAll(ChangeRequest change, ApprovalGate gate)
    {
        var person = 0;
        foreach (var outstanding in change.ApprovalsStillNeeded().Where(o => o.Requirement.Gate == gate).ToList())
        {
            for (var i = 0; i < outstanding.Remaining; i++)
            {
                person++;
                var approver = Actor.Engineer($"U0{gate}{person}", outstanding.Requirement.Role);
                change.Approve(approver, outstanding.Requirement.Key, change.Revision, ContentBuilder.Now);
            }
        }
    }
}
