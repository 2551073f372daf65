using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Intake;

/// <summary>Maps a <see cref="ChangeView"/> to the API's <see cref="ChangeResource"/>.</summary>
public static class ChangeResources
{
    public static ChangeResource Of(ChangeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var change = view.Change;
        var content = change.Content;
        var risk = content.Risk;
        return new ChangeResource(
            change.Id.ToString(),
            change.State.ToWireName(),
            change.Revision,
            change.Title,
            change.Type.ToString().ToLowerInvariant(),
            change.Criticality.ToString(),
            risk.Score,
            risk.Level.ToString().ToLowerInvariant(),
            new RiskBody(risk.BlastRadius, risk.Reversibility, risk.Confidence, risk.Timing),
            risk.CausesDowntime,
            change.Requester,
            change.Executor,
            content.Environment,
            content.Services,
            content.PlannedStart,
            DurationText.Format(content.EstimatedDuration),
            [.. change.CurrentApprovals.Select(approval => new ApprovalResource(approval.RequirementKey, approval.ApproverId, Role(approval.Role), approval.Revision, approval.ApprovedAt))],
            [.. change.ApprovalsStillNeeded().Select(open => new ApprovalNeededResource(
                open.Requirement.Key,
                open.Requirement.Name,
                Role(open.Requirement.Role),
                open.Remaining,
                open.Requirement.Reason,
                open.Requirement.Gate == ApprovalGate.Start ? "start" : "approval"))],
            view.Admission is { } decision
                ? new AdmissionResource(
                    decision.Allowed,
                    [.. decision.Reasons.Select(reason => new RuleMessageResource(reason.Rule, reason.Message))],
                    [.. decision.Conditions.Select(condition => new RuleMessageResource(condition.Rule, condition.Message))],
                    decision.NextAllowedAt,
                    decision.WaitingFor)
                : null);
    }

    private static string Role(ApproverRole role) => string.Concat(role.ToString()[..1].ToLowerInvariant(), role.ToString()[1..]);
}
