using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Execution;

/// <summary>/change list, show and cancel through Slack.</summary>
public sealed class ListingTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayWindow = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WednesdayWindow = new(2026, 12, 2, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task List_EachFilter_ShowsTheChangesItNames()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var scheduled = await host.ScheduledAsync(TuesdayWindow, "C3");
        var pending = await host.FileAsync(WednesdayWindow, "C3");

        var all = await host.CommandAsync(WorkflowUsers.Stranger, "list");
        var mine = await host.CommandAsync(WorkflowUsers.ApiExecutor, "list mine");
        var none = await host.CommandAsync(WorkflowUsers.Stranger, "list mine");
        var waiting = await host.CommandAsync(WorkflowUsers.Stranger, "list pending");
        var booked = await host.CommandAsync(WorkflowUsers.Stranger, "list scheduled");
        await host.SetUtcNowAsync(TuesdayWindow.AddHours(-2));
        var today = await host.CommandAsync(WorkflowUsers.Stranger, "list today");
        var unknown = await host.CommandAsync(WorkflowUsers.Stranger, "list everything");

        Assert.Contains("Open changes (2)", all.Text, StringComparison.Ordinal);
        Assert.Contains("Your open changes (2)", mine.Text, StringComparison.Ordinal);
        Assert.Contains("Your open changes (0)", none.Text, StringComparison.Ordinal);
        Assert.Contains($"*{pending}*", waiting.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"*{scheduled}*", waiting.Text, StringComparison.Ordinal);
        Assert.Contains($"*{scheduled}*", booked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"*{pending}*", booked.Text, StringComparison.Ordinal);
        Assert.Contains("Planned today (1)", today.Text, StringComparison.Ordinal);
        Assert.Contains($"*{scheduled}*", today.Text, StringComparison.Ordinal);
        Assert.Contains("<!date^", all.Text, StringComparison.Ordinal);
        Assert.Contains("is not a list ChangeBot keeps", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_DuringIncidents_ShowsEachWithSeverityIdTitleAndSince()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var scheduled = await host.ScheduledAsync(TuesdayWindow, "C3");
        await host.DeclareIncidentAsync("INC-5", "S3", "Search is slow");
        await host.AdvanceAsync(TimeSpan.FromMinutes(30));
        await host.DeclareIncidentAsync("INC-6", "S2", "Queue backlog");

        var all = await host.CommandAsync(WorkflowUsers.Stranger, "list");
        var mine = await host.CommandAsync(WorkflowUsers.ApiExecutor, "list mine");

        Assert.Contains("*Active incidents* (2)", all.Text, StringComparison.Ordinal);
        Assert.Contains("⚠️ *S3* INC-5 Search is slow, since <!date^", all.Text, StringComparison.Ordinal);
        Assert.Contains("(30 minutes ago)", all.Text, StringComparison.Ordinal);
        Assert.Contains("🚨 *S2* INC-6 Queue backlog, since <!date^", all.Text, StringComparison.Ordinal);
        Assert.Contains($"*{scheduled}*", all.Text, StringComparison.Ordinal);
        Assert.Contains("*Active incidents* (2)", mine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_OffersOnlyTheButtonsTheViewerMayPress()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var id = await host.ScheduledAsync(TuesdayWindow, "C3");

        var executor = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"show {id}");
        var stranger = await host.CommandAsync(WorkflowUsers.Stranger, $"show {id}");
        var eoc = await host.CommandAsync(WorkflowUsers.Eoc, $"show {id}");
        var missing = await host.CommandAsync(WorkflowUsers.Stranger, "show CR-2026-0999");

        Assert.True(executor.IsEphemeral);
        Assert.Contains($"{id} · Upgrade Redis cluster from 7.0 to 7.2", executor.Text, StringComparison.Ordinal);
        Assert.Contains(executor.ActionIds, action => action.StartsWith(ChangeActions.Start, StringComparison.Ordinal));
        Assert.Contains(executor.ActionIds, action => action.StartsWith(ChangeActions.Edit, StringComparison.Ordinal));
        Assert.DoesNotContain(executor.ActionIds, action => action.StartsWith(ChangeActions.Veto, StringComparison.Ordinal));
        Assert.Empty(stranger.ActionIds);
        Assert.Contains(eoc.ActionIds, action => action.StartsWith(ChangeActions.Veto, StringComparison.Ordinal));
        Assert.DoesNotContain(eoc.ActionIds, action => action.StartsWith(ChangeActions.Start, StringComparison.Ordinal));
        Assert.Contains("There is no change request CR-2026-0999", missing.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_WithAReason_SaidInTheThread_ThenStartRefused()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var id = await host.ScheduledAsync(TuesdayWindow, "C3");

        var noReason = await host.CommandAsync(WorkflowUsers.ApiRequester, $"cancel {id}");
        var stranger = await host.CommandAsync(WorkflowUsers.Stranger, $"cancel {id} not mine but still");
        var cancelled = await host.CommandAsync(WorkflowUsers.ApiRequester, $"cancel {id} superseded by a config-only change");
        await host.SetUtcNowAsync(TuesdayWindow);
        var start = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");

        Assert.Contains($"Say why {id} is cancelled", noReason.Text, StringComparison.Ordinal);
        Assert.Contains("Only the requester", stranger.Text, StringComparison.Ordinal);
        Assert.Contains($"{id} is cancelled", cancelled.Text, StringComparison.Ordinal);
        var thread = await host.MessageAsync("chat.postMessage", $"{id} was cancelled by <@{WorkflowUsers.ApiRequester}>", WorkflowHost.ChangeChannel, inThread: true);
        Assert.Contains("superseded by a config-only change", SlackAnswer.TextOf(thread.Arguments), StringComparison.Ordinal);
        await host.MessageAsync("chat.update", "Cancelled", WorkflowHost.ChangeChannel);
        Assert.Contains("is cancelled; it can't be started", start.Text, StringComparison.Ordinal);
        Assert.Equal(ChangeState.Cancelled, (await host.ChangeAsync(id)).State);
    }
}
