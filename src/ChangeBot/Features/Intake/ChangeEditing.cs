using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Intake;

/// <summary>
/// Edits a change request: a new revision, which voids the approvals given so far; the thread names whose approvals
/// were voided and says it waits for approval again. A change that then needs no approval is scheduled as usual; a
/// pre-approved standard change kept within its template stays pre-approved where it was (the domain decides).
/// </summary>
public sealed class ChangeEditing(ChangeWorkflow workflow, ChangePolicy policy)
{
    public Task<ChangeOutcome<EditOutcome>> EditAsync(
        ChangeId id,
        ChangeActor editor,
        int? seenRevision,
        Func<ChangeRequest, ChangeRequestContent> revise,
        string? why,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revise);
        return workflow.RunAsync(
            id,
            editor,
            seenRevision,
            scope =>
            {
                var change = scope.Change;
                var before = change.Revision;
                var outcome = change.Edit(revise(change), scope.Actor.Actor, policy.Rules, templateAlreadyApproved: false, scope.Now);
                if (!outcome.Changed)
                {
                    return outcome;
                }

                scope.Record("change.edited", EditedText(change, scope.Actor.UserId, before, outcome, why), new
                {
                    revision = outcome.Revision,
                    voided = outcome.Voided.Select(approval => new { approval.ApproverId, approval.RequirementKey }).ToList(),
                    why,
                });
                ChangeScheduling.ScheduleIfApproved(scope);
                return outcome;
            },
            cancellationToken);
    }

    private static string EditedText(ChangeRequest change, string editor, int before, EditOutcome outcome, string? why)
    {
        var text = $"✏️ {SlackFormat.Person(editor)} edited {change.Id}: revision {outcome.Revision} replaces revision {before}";
        text += why is null ? "." : $" ({why}).";
        if (outcome.Voided.Count > 0)
        {
            var givers = outcome.Voided.Select(approval => approval.ApproverId).Distinct(StringComparer.Ordinal);
            text += $"\n🔁 {outcome.Voided.Count} approval(s) voided: {SlackFormat.People(givers)}, please review the new revision and approve again.";
        }

        if (outcome.StateBefore != ChangeState.Draft && change.ApprovalPlan?.PreApprovedByTemplate == true)
        {
            text += $"\nIt stays pre-approved (template '{change.Content.StandardTemplate}'): it keeps to its template and its risk is not raised.";
        }

        if (outcome.StateBefore != outcome.StateAfter && outcome.StateAfter == ChangeState.Submitted)
        {
            text += $"\nIt was {outcome.StateBefore.Describe()} and is waiting for approval again.";
        }

        return text;
    }
}
