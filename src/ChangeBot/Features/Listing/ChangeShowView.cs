using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Listing;

/// <summary>
/// <c>/change show</c>: the CR message as #change shows it, with only the buttons this person may press now (the
/// domain still decides each press; this keeps the ephemeral copy from offering what would be refused).
/// </summary>
public static class ChangeShowView
{
    public static MessageLayout Render(ChangeView view, Actor viewer)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(viewer);
        var message = ChangeMessage.Render(view);
        var blocks = new List<Block>();
        foreach (var block in message.Blocks)
        {
            if (block is not ActionsBlock actions)
            {
                blocks.Add(block);
                continue;
            }

            var allowed = actions.Elements.Where(element => MayPress(view.Change, viewer, element.ActionId)).ToList();
            if (allowed.Count > 0)
            {
                blocks.Add(new ActionsBlock(allowed) { BlockId = actions.BlockId });
            }
        }

        return message with { Blocks = blocks };
    }

    /// <summary>Whether the CR message's button <paramref name="actionId"/> is one <paramref name="viewer"/> may press on <paramref name="change"/>.</summary>
    public static bool MayPress(ChangeRequest change, Actor viewer, string actionId)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(viewer);
        var owner = viewer.IsSomeoneOf(change.Requester, change.Executor);
        var admin = viewer.Holds(ApproverRole.Admin);
        var eoc = viewer.Holds(ApproverRole.Eoc);
        if (ChangeActions.TryParse(actionId, ChangeActions.Approve, out var approve))
        {
            var role = change.ApprovalPlan?.Requirements.FirstOrDefault(requirement => requirement.Key == approve.Detail)?.Role;
            return !viewer.IsSomeoneOf(change.Requester) && (role is null or ApproverRole.Reviewer || viewer.Holds(role.Value));
        }

        return Prefix(actionId) switch
        {
            ChangeActions.Reject => !viewer.IsSomeoneOf(change.Requester),
            ChangeActions.Veto => eoc,
            ChangeActions.Edit or ChangeActions.Cancel => owner || admin,
            ChangeActions.TakeNextSlot => owner || eoc || admin,
            ChangeActions.Start => viewer.IsSomeoneOf(change.Executor),
            ChangeActions.Advance or ChangeActions.Complete => owner,
            ChangeActions.Rollback => owner || eoc || admin || change.CurrentApprovals.Any(a => a.RequirementKey == ApprovalRequirementKeys.RollbackOperator && a.ApproverId == viewer.UserId),
            ChangeActions.Handoff => owner || eoc || admin,
            _ => true,
        };
    }

    private static string Prefix(string actionId)
    {
        var colon = actionId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? actionId : actionId[..(colon + 1)];
    }
}
