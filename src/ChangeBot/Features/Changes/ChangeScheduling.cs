using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Changes;

/// <summary>
/// What follows the last approval: a fully approved change is scheduled (<c>change::scheduled</c>) with its window
/// when admission allows its planned start; otherwise the thread says why and offers the next allowed start with a
/// button that moves it there (a new revision).
/// </summary>
public static class ChangeScheduling
{
    /// <summary>Schedules an approved change if admission allows; true when it did. Does nothing in any other state.</summary>
    public static bool ScheduleIfApproved(ChangeActionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var change = scope.Change;
        if (change.State != ChangeState.Approved)
        {
            return false;
        }

        var decision = scope.Decide();
        if (decision.Allowed)
        {
            change.Schedule(ChangeActor.Bot.Actor, scope.Now);
            scope.Record(
                "change.scheduled",
                $"📅 {change.Id} is fully approved and *scheduled* (`change::scheduled`) for {SlackFormat.Window(change.Content.PlannedStart, change.Content.EstimatedDuration)}.",
                new { plannedStart = change.Content.PlannedStart, duration = change.Content.EstimatedDuration });
            return true;
        }

        scope.Audit("change.schedule_refused", new { reasons = decision.Reasons.Select(reason => reason.Rule).ToList(), nextAllowedAt = decision.NextAllowedAt });
        scope.Reply(NextSlotOffer(change, decision));
        return false;
    }

    /// <summary>"Fully approved, but it may not start then: … Next allowed start: … [Move to …]".</summary>
    public static MessageLayout NextSlotOffer(ChangeRequest change, AdmissionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(decision);
        var text = $"{change.Id} is fully approved but can't be scheduled for its planned start.\n{ChangeMessage.AdmissionSummary(decision, change.Content.PlannedStart)}";
        var blocks = new List<Block> { SectionBlock.Markdown(text) };
        if (decision.NextAllowedAt is { } next)
        {
            var seconds = next.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            blocks.Add(new ActionsBlock(
            [
                new ButtonElement(ChangeActions.For(ChangeActions.TakeNextSlot, change.Id, change.Revision, seconds), "Move to the next allowed start", seconds)
                {
                    Style = ButtonStyle.Primary,
                },
            ]));
            blocks.Add(ContextBlock.Markdown("Moving the start makes a new revision: the approvals given so far are voided and asked for again."));
        }

        return new MessageLayout(text, blocks);
    }
}
