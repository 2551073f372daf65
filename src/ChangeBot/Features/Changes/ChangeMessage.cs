using System.Globalization;
using System.Text;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Changes;

/// <summary>
/// The change request message in #change (and the ephemeral <c>/change show</c>): a pure function from a
/// <see cref="ChangeView"/> to Block Kit, with the buttons the CR's state allows. Every button's action id carries the
/// CR id and the revision it was rendered for (<see cref="ChangeActions"/>).
/// </summary>
public static class ChangeMessage
{
    public const string ActionsBlockId = "cr.actions";

    public static MessageLayout Render(ChangeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var change = view.Change;
        var content = change.Content;
        var blocks = new List<Block>
        {
            new HeaderBlock(SlackFormat.Title(change)),
            new SectionBlock
            {
                Fields =
                [
                    TextObject.Markdown($"*Requester*\n{SlackFormat.Person(change.Requester)}"),
                    TextObject.Markdown($"*Executor*\n{SlackFormat.Person(change.Executor)}"),
                    TextObject.Markdown($"*Type*\n{TypeName(change.Type)}"),
                    TextObject.Markdown($"*Criticality*\n{change.Criticality}"),
                    TextObject.Markdown($"*Risk*\n{RiskText(content.Risk)}"),
                    TextObject.Markdown($"*State*\n{StateText(change)}"),
                    TextObject.Markdown($"*Window*\n{SlackFormat.Window(content.PlannedStart, content.EstimatedDuration)}"),
                    TextObject.Markdown($"*Environment*\n{content.Environment}"),
                    TextObject.Markdown($"*Services*\n{string.Join(", ", content.Services.Select(service => $"`{service}`"))}"),
                ],
            },
            ContextBlock.Markdown(RiskDimensions(content.Risk)),
        };

        if (ApprovalsText(view) is { } approvals)
        {
            blocks.Add(SectionBlock.Markdown(approvals));
        }

        if (AdmissionText(view) is { } admission)
        {
            blocks.Add(SectionBlock.Markdown(admission));
        }

        if (OutcomeText(change) is { } outcome)
        {
            blocks.Add(SectionBlock.Markdown(outcome));
        }

        if (RetrospectiveText(change) is { } retrospective)
        {
            blocks.Add(ContextBlock.Markdown(retrospective));
        }

        var buttons = Buttons(view);
        if (buttons.Count > 0)
        {
            blocks.Add(new ActionsBlock(buttons) { BlockId = ActionsBlockId });
        }

        var text = $"{SlackFormat.Title(change)}: {change.State.Describe()} ({change.Criticality}, {content.Risk.Describe()} risk)";
        return new MessageLayout(text, blocks);
    }

    /// <summary>"normal (maintenance)" and so on, as the seeds call them.</summary>
    public static string TypeName(ChangeType type) => type switch
    {
        ChangeType.Standard => "standard (pre-approved template)",
        ChangeType.Normal => "normal",
        ChangeType.Emergency => "emergency",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>"high (score 12)", with the downtime flag when set.</summary>
    public static string RiskText(RiskAssessment risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.CausesDowntime ? $"{risk.Describe()}, causes downtime" : risk.Describe();
    }

    /// <summary>"Blast radius 2 — Multiple services · Reversibility 1 — …".</summary>
    public static string RiskDimensions(RiskAssessment risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return string.Join(" · ", RiskDimensionScale.All.Select(scale =>
        {
            var score = risk.ScoreOf(scale.Dimension);
            return score is >= RiskDimensionScale.MinimumScore and <= RiskDimensionScale.MaximumScore
                ? $"{scale.Name} {scale.Label(score)}"
                : Invariant($"{scale.Name} {score}");
        }));
    }

    private static string StateText(ChangeRequest change) => Invariant($"{StateLine(change)}\nrevision {change.Revision}");

    /// <summary>"Waiting for approval `change::unscheduled`", "In progress: limited (25 %)".</summary>
    public static string StateLine(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var state = change.State switch
        {
            ChangeState.Submitted => "Waiting for approval",
            ChangeState.InProgress when change.CurrentStage is { } stage => Invariant($"In progress: {stage.Name} ({stage.Percent} %)"),
            _ => Capitalise(change.State.Describe()),
        };
        var label = change.State.Label() is { } tracker ? $" `{tracker}`" : string.Empty;
        return state + label;
    }

    private static string? ApprovalsText(ChangeView view)
    {
        var change = view.Change;
        if (change.ApprovalPlan is not { } plan)
        {
            return null;
        }

        if (plan.Requirements.Count == 0)
        {
            return plan.PreApprovedByTemplate
                ? $"*Approvals*\nNone needed: pre-approved (template '{change.Content.StandardTemplate}'), a change of it was approved before."
                : "*Approvals*\nNone needed.";
        }

        var text = new StringBuilder("*Approvals*");
        var outstanding = change.ApprovalsStillNeeded().ToDictionary(item => item.Requirement.Key, StringComparer.Ordinal);
        foreach (var requirement in plan.Requirements)
        {
            var givers = change.CurrentApprovals
                .Where(approval => approval.RequirementKey == requirement.Key)
                .Select(approval => approval.ApproverId)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var given = Invariant($"{givers.Count} of {requirement.Count}");
            if (!outstanding.TryGetValue(requirement.Key, out var open))
            {
                text.Append(Invariant($"\n✅ {requirement.Name} ({given}): {SlackFormat.People(givers)}"));
                continue;
            }

            var by = givers.Count > 0 ? $"; given by {SlackFormat.People(givers)}" : string.Empty;
            var when = requirement.Gate == ApprovalGate.Start ? ", just before the start" : string.Empty;
            text.Append(Invariant($"\n⏳ {requirement.Name} ({given}{by}): {open.Remaining} more from {FromWhom(view, requirement)}{when}"));
        }

        var voided = change.Approvals.Count(approval => approval.IsVoided);
        if (voided > 0)
        {
            text.Append(Invariant($"\n_{voided} approval(s) given on earlier revisions no longer count._"));
        }

        return text.ToString();
    }

    /// <summary>"the EOC (on call: @dana)", "any engineer but the requester".</summary>
    public static string FromWhom(ChangeView view, ApprovalRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(requirement);
        if (requirement.Role == ApproverRole.Reviewer)
        {
            return "any engineer but the requester";
        }

        var members = view.MembersOf(requirement.Role);
        var label = requirement.Role == ApproverRole.Eoc ? "on call" : "holding it";
        return members.Count == 0
            ? $"the {requirement.Role.Describe()} (nobody holds that role now)"
            : $"the {requirement.Role.Describe()} ({label}: {SlackFormat.People(members)})";
    }

    private static string? AdmissionText(ChangeView view)
    {
        if (view.Admission is not { } decision || view.Change.State.IsTerminal() || view.Change.State.IsUnderway())
        {
            return null;
        }

        return AdmissionSummary(decision, view.Change.Content.PlannedStart);
    }

    /// <summary>The admission decision for a start, as the message and the thread say it.</summary>
    public static string AdmissionSummary(AdmissionDecision decision, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var text = new StringBuilder();
        if (decision.Allowed)
        {
            text.Append(CultureInfo.InvariantCulture, $"✅ *Admission*: may start at {SlackFormat.When(start)}.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"⛔ *Admission*: may not start at {SlackFormat.When(start)}:");
            foreach (var reason in decision.Reasons)
            {
                text.Append("\n• ").Append(reason.Message);
            }

            text.Append(decision.NextAllowedAt is { } next
                ? $"\nNext allowed start: {SlackFormat.When(next)}."
                : "\n" + SlackFormat.NoNextStart(decision));
        }

        foreach (var condition in decision.Conditions)
        {
            text.Append("\nℹ️ ").Append(condition.Message);
        }

        return text.ToString();
    }

    private static string? OutcomeText(ChangeRequest change)
    {
        if (change.State is not (ChangeState.Rejected or ChangeState.Vetoed or ChangeState.Cancelled or ChangeState.RolledBack or ChangeState.Aborted))
        {
            return null;
        }

        var last = change.Transitions[^1];
        var why = last.Reason is { } reason ? $": {reason}" : ".";
        return $"*{Capitalise(change.State.Describe())}* by {SlackFormat.Person(last.By)}{why}";
    }

    /// <summary>Seed 1: an emergency change owes a retrospective, shown until its link is added.</summary>
    public static string? RetrospectiveText(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.RetrospectiveOwed)
        {
            return $"📝 *Retrospective owed*: add its link with `/change retro {change.Id} <link>`.";
        }

        return change.RetrospectiveLink is { } link ? $"📝 Retrospective: {link}" : null;
    }

    private static List<BlockElement> Buttons(ChangeView view)
    {
        var change = view.Change;
        var id = change.Id;
        var revision = change.Revision;
        var buttons = new List<BlockElement>();
        var phase = change.State == ChangeState.Submitted ? ApprovalGate.Approval : ApprovalGate.Start;
        if (change.State is ChangeState.Submitted or ChangeState.Approved or ChangeState.Scheduled)
        {
            foreach (var open in change.ApprovalsStillNeeded().Where(item => item.Requirement.Gate == phase))
            {
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Approve, id, revision, open.Requirement.Key), ApproveLabel(open.Requirement), open.Requirement.Key)
                {
                    Style = ButtonStyle.Primary,
                });
            }
        }

        switch (change.State)
        {
            case ChangeState.Submitted:
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Reject, id, revision), "Reject") { Style = ButtonStyle.Danger });
                break;
            case ChangeState.Approved when view.Admission is { Allowed: false, NextAllowedAt: { } next }:
                var seconds = next.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.TakeNextSlot, id, revision, seconds), "Move to the next allowed start", seconds)
                {
                    Style = ButtonStyle.Primary,
                });
                break;
            case ChangeState.Scheduled:
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Start, id, revision), "Start") { Style = ButtonStyle.Primary });
                break;
            case ChangeState.InProgress:
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Advance, id, revision), AdvanceLabel(change)) { Style = ButtonStyle.Primary });
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Rollback, id, revision), "Roll back") { Style = ButtonStyle.Danger });
                break;
            case ChangeState.Monitoring:
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Complete, id, revision), "Complete") { Style = ButtonStyle.Primary });
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Rollback, id, revision), "Roll back") { Style = ButtonStyle.Danger });
                break;
            case ChangeState.Completed when change.Criticality is Criticality.C1 or Criticality.C2:
                buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Handoff, id, revision), "Write the handoff note"));
                break;
            default:
                break;
        }

        if (change.State is ChangeState.Draft or ChangeState.Submitted or ChangeState.Approved or ChangeState.Scheduled)
        {
            buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Edit, id, revision), "Edit"));
        }

        if (!change.State.IsTerminal() && change.State != ChangeState.Draft)
        {
            buttons.Add(new ButtonElement(ChangeActions.For(ChangeActions.Veto, id, revision), "Veto (EOC)") { Style = ButtonStyle.Danger });
        }

        return buttons;
    }

    /// <summary>"Approve", "Approve as EOC", "Confirm on the bridge (EOC)".</summary>
    public static string ApproveLabel(ApprovalRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.Key switch
        {
            ApprovalRequirementKeys.Reviewers => "Approve",
            ApprovalRequirementKeys.RollbackOperator => "Approve as rollback operator",
            ApprovalRequirementKeys.EocBridgeConfirmation => "Confirm on the bridge (EOC)",
            ApprovalRequirementKeys.EocAcknowledgement => "Acknowledge as EOC",
            _ => $"Approve as {requirement.Role.Describe()}",
        };
    }

    /// <summary>"Advance to limited (25 %)", or "Start the bake (full)" on the last stage.</summary>
    public static string AdvanceLabel(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var stages = change.Content.RolloutStages;
        var current = change.CurrentStage;
        if (current is null || current.Index + 1 >= stages.Count)
        {
            return "Start the bake";
        }

        var next = stages[current.Index + 1];
        return Invariant($"Advance to {next.Name} ({next.Percent} %)");
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
