using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Home;

/// <summary>
/// After a change commits, republishes the Home tab of everyone it concerns (requester, executor, those who approved,
/// those who hold a role it still waits for) through the outbox (<c>views.publish</c>), read from the committed state.
/// </summary>
internal sealed class HomeRefresh(HomeDashboard dashboard, ChangeBotStore store, RoleDirectory roles, OutboxSignal outbox) : IChangeCommittedListener
{
    public async Task OnCommittedAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        var users = new HashSet<string>(StringComparer.Ordinal) { change.Requester, change.Executor };
        users.UnionWith(change.CurrentApprovals.Select(approval => approval.ApproverId));
        foreach (var role in change.ApprovalsStillNeeded().Select(open => open.Requirement.Role).Where(role => role != ApproverRole.Reviewer).Distinct())
        {
            users.UnionWith(await roles.MembersAsync(role, cancellationToken).ConfigureAwait(false));
        }

        var views = new List<OutboxMessage>();
        foreach (var user in users.Where(RoleOptions.IsUserId))
        {
            var home = HomeTabView.Render(await dashboard.ForAsync(user, cancellationToken).ConfigureAwait(false));
            views.Add(new OutboxMessage(OutboxMessage.PublishView, user, PublishPayload(user, home)));
        }

        if (views.Count == 0)
        {
            return;
        }

        await store.WriteAsync(
            (unit, _) =>
            {
                views.ForEach(unit.Enqueue);
                return Task.FromResult(views.Count);
            },
            cancellationToken).ConfigureAwait(false);
        outbox.Notify();
    }

    /// <summary>The body of <c>views.publish</c> as the outbox keeps it: the user and the view's blocks.</summary>
    private static string PublishPayload(string user, HomeView home)
    {
        var body = new JsonObject { ["user_id"] = user };
        new MessageLayout("ChangeBot home", home.Blocks).WriteTo(body);
        return body.ToJsonString();
    }
}
