using System.Globalization;
using System.Text;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Rollout;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Handoff;
using ChangeBot.Slack.BlockKit;
using Humanizer;

namespace ChangeBot.Features.Execution;

/// <summary>
/// What the execution slice says in Slack, as pure functions: the start announcement (seed 1's "Announce" step), a
/// refused start with every reason, stage updates, rollback, the completion summary and the retrospective owed.
/// </summary>
public static class ExecutionMessages
{
    /// <summary>Posted in the CR's thread and, for the criticalities the policy names, in #production.</summary>
    public static MessageLayout Started(ChangeRequest change, RolloutStep step, AdmissionDecision admission)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(admission);
        var started = change.StartedAt!.Value;
        var eta = started + change.Content.EstimatedDuration;
        var headline = $"🚀 *{SlackFormat.Title(change)}* started by {SlackFormat.Person(change.Executor)} ({change.Criticality}, {change.Content.Environment}).";
        var blocks = new List<Block>
        {
            SectionBlock.Markdown(headline),
            SectionBlock.Markdown($"*What*\n{change.Content.ImplementationPlan}"),
            SectionBlock.Markdown($"*ETA*\n{SlackFormat.When(eta)} ({SlackFormat.Duration(change.Content.EstimatedDuration)} from the start) · services {string.Join(", ", change.Content.Services.Select(s => $"`{s}`"))}"),
            SectionBlock.Markdown($"*Rollback triggers*\n{Triggers(change.Content.RollbackTriggers)}"),
            SectionBlock.Markdown(StageLine(change, step)),
        };
        if (admission.Conditions.Count > 0)
        {
            blocks.Add(ContextBlock.Markdown(string.Join("\n", admission.Conditions.Select(condition => "ℹ️ " + condition.Message))));
        }

        if (change.RetrospectiveOwed)
        {
            blocks.Add(ContextBlock.Markdown(RetrospectiveOwedLine(change)));
        }

        return new MessageLayout($"{change.Id} started: {change.Title}. ETA {eta.UtcDateTime:yyyy-MM-dd HH:mm} UTC.", blocks);
    }

    /// <summary>The executor's private answer when admission says no now: every reason, when it could start, and how to override.</summary>
    public static MessageLayout StartBlocked(ChangeRequest change, AdmissionDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(decision);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"⛔ {change.Id} may not start now:");
        foreach (var reason in decision.Reasons)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• {reason.Message} (`{reason.Rule}`)");
        }

        text.Append(decision.NextAllowedAt is { } next
            ? $"\nNext allowed start: {SlackFormat.When(next)} ({Relative(next, now)})."
            : "\n" + SlackFormat.NoNextStart(decision));
        foreach (var condition in decision.Conditions)
        {
            text.Append("\nℹ️ ").Append(condition.Message);
        }

        var rule = decision.Reasons[0].Rule;
        text.Append(CultureInfo.InvariantCulture, $"\nAn admin can lift a rule for this change: `/change override {change.Id} {rule} 2h <reason>`.");
        var body = text.ToString();
        return new MessageLayout(body, [SectionBlock.Markdown(body)]);
    }

    /// <summary>"Now at canary (5 %): may move on after 15 minutes, at …" or the bake.</summary>
    public static string StageLine(ChangeRequest change, RolloutStep step)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(step);
        if (step.BakeStarted)
        {
            return $"🔥 *{change.Id}* is fully rolled out and baking for {SlackFormat.Duration(change.Content.RolloutStages[^1].MinimumMonitoring)}: complete it after {SlackFormat.When(step.NextStepAt)}.";
        }

        var stage = step.Stage;
        var plan = string.Join(" → ", change.Content.RolloutStages.Select(s => s.Name == stage.Name ? $"*{s.Name} {s.Percent} %*" : $"{s.Name} {s.Percent} %"));
        var next = stage.Index + 1 < change.Content.RolloutStages.Count
            ? $"monitor for {SlackFormat.Duration(stage.MinimumMonitoring)}, then advance after {SlackFormat.When(step.NextStepAt)}"
            : "fully rolled out: start the bake when ready";
        return $"📈 *{change.Id}* at {stage.Name} ({stage.Percent} %): {next}.\n{plan}";
    }

    /// <summary>The refusal when the stage has not been monitored long enough: the time left, humanised.</summary>
    public static string TooEarly(ChangeRequest change, StageRun stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(stage);
        var next = change.Content.RolloutStages[stage.Index + 1];
        var left = stage.MonitoredUntil - now;
        return $"⏳ The {stage.Name} stage of {change.Id} must be monitored for {SlackFormat.Duration(stage.MinimumMonitoring)} before moving to {next.Name}: {LeftText(left)} left (until {SlackFormat.When(stage.MonitoredUntil)}).";
    }

    /// <summary>The refusal when the bake is not over yet.</summary>
    public static string StillBaking(ChangeRequest change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ends = change.BakeEndsAt!.Value;
        return $"⏳ {change.Id} is baking for {SlackFormat.Duration(change.Content.RolloutStages[^1].MinimumMonitoring)}: {LeftText(ends - now)} left (until {SlackFormat.When(ends)}) before it can be completed.";
    }

    public static MessageLayout RolledBack(ChangeRequest change, string by, string reason)
    {
        ArgumentNullException.ThrowIfNull(change);
        var at = change.Stages.Count > 0 ? change.Stages[^1] : null;
        var where = at is null ? string.Empty : $" at {at.Name} ({at.Percent} %)";
        var text = $"⏪ *{SlackFormat.Title(change)}* is being rolled back{where} by {SlackFormat.Person(by)}: {reason}\n*Rollback plan*\n{change.Content.RollbackPlan}";
        return new MessageLayout($"{change.Id} rolled back: {reason}", [SectionBlock.Markdown(text)]);
    }

    public static MessageLayout Completed(ChangeRequest change, CompletionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(summary);
        var stages = string.Join("\n", summary.Stages.Select(stage =>
            $"• {stage.Name} ({stage.Percent} %): {SlackFormat.Duration((stage.EndedAt ?? summary.CompletedAt) - stage.StartedAt)}"));
        var approvals = summary.Approvals.Count == 0
            ? "none needed"
            : string.Join(", ", summary.Approvals.Select(approval => $"{SlackFormat.Person(approval.ApproverId)} ({approval.Role.Describe()})").Distinct(StringComparer.Ordinal));
        var estimate = summary.RolloutDuration <= summary.EstimatedDuration ? "within" : "over";
        var text = $"✅ *{SlackFormat.Title(change)}* completed.\n"
            + $"*Duration* {SlackFormat.Duration(summary.Duration)} (rollout {SlackFormat.Duration(summary.RolloutDuration)}, {estimate} the estimate of {SlackFormat.Duration(summary.EstimatedDuration)}; bake {SlackFormat.Duration(summary.CompletedAt - summary.BakeStartedAt)})\n"
            + $"*Stages*\n{stages}\n*Approvals* {approvals}";
        var blocks = new List<Block> { SectionBlock.Markdown(text) };
        if (change.RetrospectiveOwed)
        {
            blocks.Add(ContextBlock.Markdown(RetrospectiveOwedLine(change)));
        }

        if (ChangeExecution.NeedsHandoff(change))
        {
            blocks.Add(HandoffNoteMessage.Button(change));
        }

        return new MessageLayout($"{change.Id} completed in {SlackFormat.Duration(summary.Duration)}.", blocks);
    }

    /// <summary>"📝 Retrospective owed: add its link with /change retro …" (the CR message says the same).</summary>
    public static string RetrospectiveOwedLine(ChangeRequest change) => ChangeMessage.RetrospectiveText(change) ?? string.Empty;

    public static string RetrospectiveRecorded(ChangeRequest change, string by) =>
        $"📝 Retrospective for {change?.Id} recorded by {SlackFormat.Person(by)}: {change?.RetrospectiveLink}";

    /// <summary>"in 2 hours", "3 minutes ago", with the viewer's clock (Humanizer).</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now) =>
        at.Humanize(now, CultureInfo.InvariantCulture);

    private static string LeftText(TimeSpan left) =>
        left < TimeSpan.FromMinutes(1)
            ? "less than a minute"
            : SlackFormat.Duration(left);

    private static string Triggers(IReadOnlyList<RollbackTrigger> triggers) =>
        triggers.Count == 0
            ? "_none listed: roll back on the executor's judgement_"
            : string.Join("\n", triggers.Select(trigger => $"• {Kind(trigger.Kind)}: {trigger.Description}"));

    private static string Kind(RollbackTriggerKind kind) => kind switch
    {
        RollbackTriggerKind.Immediate => "immediate",
        RollbackTriggerKind.TimeBounded => "time-bounded",
        _ => "manual review",
    };
}
