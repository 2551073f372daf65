namespace ChangeBot.Tests.Execution;

/// <summary>The #production announcement of a C1/C2 change follows its state, as the one in #change does.</summary>
public sealed class ProductionAnnouncementTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayWindow = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task C2Change_ApprovedThenStarted_ProductionAnnouncementIsUpdatedWithEachState()
    {
        await using var host = await ExecutionHost.StartAsync(MondayNoon);

        var id = await host.FileAsync(TuesdayWindow, "C2");
        var posted = await host.MessageAsync("chat.postMessage", $"{id} · Upgrade Redis", ExecutionHost.ProductionChannel);
        await host.ApproveAllAsync(id);
        var scheduled = await host.MessageAsync("chat.update", "State: Scheduled `change::scheduled`", ExecutionHost.ProductionChannel);
        host.Clock.SetUtcNow(TuesdayWindow);
        await host.CommandAsync(ExecutionHost.Executor, $"start {id}");
        var started = await host.MessageAsync("chat.update", "State: In progress", ExecutionHost.ProductionChannel);

        Assert.Contains("State: Waiting for approval", SlackAnswer.TextOf(posted.Arguments), StringComparison.Ordinal);
        Assert.Contains($"{id} · Upgrade Redis", SlackAnswer.TextOf(scheduled.Arguments), StringComparison.Ordinal);
        Assert.Contains($"{id} · Upgrade Redis", SlackAnswer.TextOf(started.Arguments), StringComparison.Ordinal);
        Assert.Equal(posted.Arg("channel"), started.Arg("channel"));
        Assert.All(host.Slack.CallsTo("chat.update").Where(call => call.Arg("channel") == ExecutionHost.ProductionChannel), call => Assert.NotNull(call.Arg("ts")));
    }

    [Fact]
    public async Task C3Change_Approved_NothingIsPostedOrUpdatedInProduction()
    {
        await using var host = await ExecutionHost.StartAsync(MondayNoon);

        var id = await host.ScheduledAsync(TuesdayWindow, "C3");
        await host.MessageAsync("chat.update", "Scheduled `change::scheduled`", ExecutionHost.ChangeChannel);

        Assert.DoesNotContain(host.Slack.CallsTo("chat.update"), call => call.Arg("channel") == ExecutionHost.ProductionChannel);
        Assert.DoesNotContain(host.Slack.CallsTo("chat.postMessage"), call => call.Arg("channel") == ExecutionHost.ProductionChannel && SlackAnswer.TextOf(call.Arguments).Contains(id.ToString(), StringComparison.Ordinal));
    }
}
