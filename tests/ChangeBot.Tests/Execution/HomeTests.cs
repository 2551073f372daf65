using ChangeBot.Features.Changes;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Execution;

/// <summary>The App Home tab as Slack receives it, for a requester and an approver.</summary>
public sealed class HomeTests
{
    // Monday 21 December 2026: the soft PCL of the 22nd is the next lock.
    private static readonly DateTimeOffset MondayNoon = new(2026, 12, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayWindow = new(2026, 12, 22, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OpenHome_Requester_SeesTheirOpenChangesTheNextLockAndWindows()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var id = await host.FileAsync(TuesdayWindow, "C3");

        await host.OpenHomeAsync(WorkflowUsers.ApiRequester);

        var publish = await host.MessageAsync("views.publish", "*Your open changes* (1)");
        Assert.Equal(WorkflowUsers.ApiRequester, publish.Arg("user_id"));
        var text = SlackAnswer.TextOf(publish.Arguments);
        Assert.Contains($"*{id}* Upgrade Redis cluster from 7.0 to 7.2", text, StringComparison.Ordinal);
        Assert.Contains("*Approvals waiting for you* (0)", text, StringComparison.Ordinal);
        Assert.Contains("*In progress now* (0)", text, StringComparison.Ordinal);
        Assert.Contains("🔒 Now: No lock is in force.", text, StringComparison.Ordinal);
        Assert.Contains("⏭ Next: soft PCL 'Release day'", text, StringComparison.Ordinal);
        Assert.Contains("blocks C1/C2, others coordinate with the EOC", text, StringComparison.Ordinal);
        Assert.Contains("Next normal change windows", text, StringComparison.Ordinal);
        Assert.Contains("from now", text, StringComparison.Ordinal);
        Assert.Contains("<!date^", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenHome_Approver_SeesWhatWaitsForThemWithApprove_AndItIsRepublishedAfterTheirApproval()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var id = await host.FileAsync(TuesdayWindow, "C3");
        var change = await host.ChangeAsync(id);

        await host.OpenHomeAsync(WorkflowUsers.Eoc);
        var before = await host.MessageAsync("views.publish", "*Approvals waiting for you* (1)", WorkflowUsers.Eoc);
        await host.ApproveAllAsync(id);
        var after = await host.MessageAsync("views.publish", "*Approvals waiting for you* (0)", WorkflowUsers.Eoc);

        Assert.Equal(WorkflowUsers.Eoc, before.Arg("user_id"));
        Assert.Contains($"*{id}*", SlackAnswer.TextOf(before.Arguments), StringComparison.Ordinal);
        Assert.Contains(ChangeActions.For(ChangeActions.Approve, id, change.Revision), SlackAnswer.ActionIdsOf(before.Arguments));
        Assert.Equal(WorkflowUsers.Eoc, after.Arg("user_id"));
        Assert.Contains(host.Slack.CallsTo("views.publish"), call => call.Arg("user_id") == WorkflowUsers.ApiRequester && SlackAnswer.TextOf(call.Arguments).Contains("scheduled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileChange_ApproverNeverOpenedHome_HomeIsPublishedWithTheApprovalWaiting()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);

        var id = await host.FileAsync(TuesdayWindow, "C3");

        var publish = await host.MessageAsync("views.publish", "*Approvals waiting for you* (1)", WorkflowUsers.Eoc);
        Assert.Contains($"*{id}*", SlackAnswer.TextOf(publish.Arguments), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_DuringARollout_ShowsItInProgressForEveryone()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var id = await host.ScheduledAsync(TuesdayWindow, "C3");
        await host.SetUtcNowAsync(TuesdayWindow);
        await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");

        await host.OpenHomeAsync(WorkflowUsers.Stranger);

        // The requester's and executor's Home tabs are republished after the start too: wait for the stranger's own.
        var publish = await host.MessageAsync("views.publish", "*In progress now* (1)", WorkflowUsers.Stranger);
        Assert.Equal(WorkflowUsers.Stranger, publish.Arg("user_id"));
        Assert.Contains($"*{id}*", SlackAnswer.TextOf(publish.Arguments), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenHome_DuringAnS1Incident_ShowsItsSeverityIdTitleAndSince()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        await host.DeclareIncidentAsync("INC-77", "S1", "Checkout is down");
        await host.AdvanceAsync(TimeSpan.FromHours(2));

        await host.OpenHomeAsync(WorkflowUsers.Stranger);

        var publish = await host.MessageAsync("views.publish", "*Active incidents* (1)");
        var text = SlackAnswer.TextOf(publish.Arguments);
        Assert.Equal(WorkflowUsers.Stranger, publish.Arg("user_id"));
        Assert.Contains("🚨 *S1* INC-77 Checkout is down, since <!date^", text, StringComparison.Ordinal);
        Assert.Contains("2026-12-21 12:00 UTC> (2 hours ago)", text, StringComparison.Ordinal);
        Assert.Contains("only an emergency change linked to it may start", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenHome_NoIncident_SaysNothingAboutIncidents()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);

        await host.OpenHomeAsync(WorkflowUsers.Stranger);

        var publish = await host.MessageAsync("views.publish", "*In progress now* (0)");
        Assert.DoesNotContain("Active incidents", SlackAnswer.TextOf(publish.Arguments), StringComparison.Ordinal);
    }
}
