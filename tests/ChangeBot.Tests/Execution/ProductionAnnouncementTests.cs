using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Execution;

/// <summary>The #production announcement of a C1/C2 change follows its state, as the one in #change does.</summary>
public sealed class ProductionAnnouncementTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayWindow = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task C2Change_ApprovedThenStarted_ProductionAnnouncementIsUpdatedWithEachState()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);

        var id = await host.FileAsync(TuesdayWindow, "C2");
        var posted = await host.MessageAsync("chat.postMessage", $"{id} · Upgrade Redis", WorkflowHost.ProductionChannel);
        await host.ApproveAllAsync(id);
        var scheduled = await host.MessageAsync("chat.update", "State: Scheduled `change::scheduled`", WorkflowHost.ProductionChannel);
        await host.SetUtcNowAsync(TuesdayWindow);
        await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");
        var started = await host.MessageAsync("chat.update", "State: In progress", WorkflowHost.ProductionChannel);

        Assert.Contains("State: Waiting for approval", SlackAnswer.TextOf(posted.Arguments), StringComparison.Ordinal);
        Assert.Contains($"{id} · Upgrade Redis", SlackAnswer.TextOf(scheduled.Arguments), StringComparison.Ordinal);
        Assert.Contains($"{id} · Upgrade Redis", SlackAnswer.TextOf(started.Arguments), StringComparison.Ordinal);
        Assert.Equal(posted.Arg("channel"), started.Arg("channel"));
        Assert.All(host.Slack.CallsTo("chat.update").Where(call => call.Arg("channel") == WorkflowHost.ProductionChannel), call => Assert.NotNull(call.Arg("ts")));
    }

    [Fact]
    public async Task C3Change_Approved_NothingIsPostedOrUpdatedInProduction()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);

        var id = await host.ScheduledAsync(TuesdayWindow, "C3");
        await host.MessageAsync("chat.update", "Scheduled `change::scheduled`", WorkflowHost.ChangeChannel);

        Assert.DoesNotContain(host.Slack.CallsTo("chat.update"), call => call.Arg("channel") == WorkflowHost.ProductionChannel);
        Assert.DoesNotContain(host.Slack.CallsTo("chat.postMessage"), call => call.Arg("channel") == WorkflowHost.ProductionChannel && SlackAnswer.TextOf(call.Arguments).Contains(id.ToString(), StringComparison.Ordinal));
    }
}
