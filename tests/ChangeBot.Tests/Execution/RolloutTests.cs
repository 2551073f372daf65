using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Execution;
using ChangeBot.Features.Handoff;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Execution;

/// <summary>A started change through Slack: stages with their minimum monitoring time, rollback, the bake, completion, the handoff note.</summary>
public sealed class RolloutTests
{
    // Tuesday 1 December 2026: the normal window is 02:00-06:00 UTC, well away from the 22nd's PCL.
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayWindow = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Advance_BeforeTheStageMinimum_RefusedWithTimeLeft_ThenAllowedOnceItPassed()
    {
        await using var host = await StartedAsync("C3");
        var id = host.Id;
        await host.Host.AdvanceAsync(TimeSpan.FromMinutes(5));

        var early = await host.Host.CommandAsync(WorkflowUsers.ApiExecutor, $"advance {id}");
        await host.Host.AdvanceAsync(TimeSpan.FromMinutes(10));
        var change = await host.Host.ChangeAsync(id);
        await host.Host.ClickAsync(WorkflowUsers.ApiExecutor, ChangeActions.For(ChangeActions.Advance, id, change.Revision));

        Assert.Contains("The canary stage of", early.Text, StringComparison.Ordinal);
        Assert.Contains("must be monitored for 15 minutes before moving to limited: 10 minutes left", early.Text, StringComparison.Ordinal);
        var thread = await host.Host.MessageAsync("chat.postMessage", $"*{id}* at limited (25 %)", WorkflowHost.ChangeChannel, inThread: true);
        Assert.Contains("monitor for 15 minutes", SlackAnswer.TextOf(thread.Arguments), StringComparison.Ordinal);
        await host.Host.MessageAsync("response_url", $"*{id}* at limited (25 %)");
        var update = await host.Host.MessageAsync("chat.update", "Advance to broad (50 %)", WorkflowHost.ChangeChannel);
        Assert.Contains("In progress: limited (25 %)", SlackAnswer.TextOf(update.Arguments), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_ButtonThenReasonModal_RecordedAndAnnounced()
    {
        await using var host = await StartedAsync("C3");
        var id = host.Id;
        var change = await host.Host.ChangeAsync(id);

        await host.Host.ClickAsync(WorkflowUsers.ApiExecutor, ChangeActions.For(ChangeActions.Rollback, id, change.Revision));
        var opened = await host.Host.Slack.WaitForCallsAsync("views.open");
        var modal = opened[^1].Arguments["view"]!;
        var empty = await host.Host.SubmitAsync(WorkflowUsers.ApiExecutor, RollbackModal.CallbackId, modal["private_metadata"]!.GetValue<string>(), new Dictionary<string, string?> { [RollbackModal.ReasonBlock] = null });
        var done = await host.Host.SubmitAsync(WorkflowUsers.ApiExecutor, RollbackModal.CallbackId, modal["private_metadata"]!.GetValue<string>(), new Dictionary<string, string?> { [RollbackModal.ReasonBlock] = "p99 latency doubled on the canary" });

        Assert.Equal(RollbackModal.CallbackId, modal["callback_id"]!.GetValue<string>());
        Assert.Equal("errors", empty!["response_action"]!.GetValue<string>());
        Assert.Contains("Say why it is rolled back", empty["errors"]![RollbackModal.ReasonBlock]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(done);
        var thread = await host.Host.MessageAsync("chat.postMessage", "is being rolled back at canary (5 %)", WorkflowHost.ChangeChannel, inThread: true);
        Assert.Contains("p99 latency doubled on the canary", SlackAnswer.TextOf(thread.Arguments), StringComparison.Ordinal);
        Assert.Contains("helm rollback redis-cluster", SlackAnswer.TextOf(thread.Arguments), StringComparison.Ordinal);
        Assert.Equal(ChangeState.RolledBack, (await host.Host.ChangeAsync(id)).State);
    }

    [Fact]
    public async Task Rollback_CommandOnAC2_AnnouncedInThreadAndProduction_ThenRefusedAgain()
    {
        await using var host = await StartedAsync("C2");
        var id = host.Id;

        var noReason = await host.Host.CommandAsync(WorkflowUsers.ApiExecutor, $"rollback {id}");
        var answer = await host.Host.CommandAsync(WorkflowUsers.ApiExecutor, $"rollback {id} error rate above 5 %");
        var again = await host.Host.CommandAsync(WorkflowUsers.ApiExecutor, $"rollback {id} still bad");

        Assert.Contains($"Say why {id} is rolled back", noReason.Text, StringComparison.Ordinal);
        Assert.Contains($"Rollback of {id} recorded and announced", answer.Text, StringComparison.Ordinal);
        await host.Host.MessageAsync("chat.postMessage", "is being rolled back", WorkflowHost.ChangeChannel, inThread: true);
        var production = await host.Host.MessageAsync("chat.postMessage", "is being rolled back", WorkflowHost.ProductionChannel);
        Assert.Contains("error rate above 5 %", SlackAnswer.TextOf(production.Arguments), StringComparison.Ordinal);
        Assert.Contains("has already been rolled back", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_BeforeTheBakeEnds_Refused_ThenClosedWithASummary()
    {
        await using var host = await StartedAsync("C3");
        var id = host.Id;
        await host.RollOutAsync();

        var baking = await host.Host.CommandAsync(WorkflowUsers.ApiExecutor, $"complete {id}");
        await host.Host.AdvanceAsync(TimeSpan.FromHours(1));
        var done = await host.Host.CommandAsync(WorkflowUsers.ApiExecutor, $"complete {id}");

        Assert.Contains($"{id} is baking for 1 hour", baking.Text, StringComparison.Ordinal);
        Assert.Contains("1 hour left", baking.Text, StringComparison.Ordinal);
        Assert.Contains($"{id} is completed.", done.Text, StringComparison.Ordinal);
        var summary = SlackAnswer.TextOf((await host.Host.MessageAsync("chat.postMessage", "completed.", WorkflowHost.ChangeChannel, inThread: true)).Arguments);
        Assert.Contains("*Duration* 1 hour, 45 minutes", summary, StringComparison.Ordinal);
        Assert.Contains("rollout 45 minutes, within the estimate of 45 minutes", summary, StringComparison.Ordinal);
        Assert.Contains("• canary (5 %): 15 minutes", summary, StringComparison.Ordinal);
        Assert.Contains("• full (100 %)", summary, StringComparison.Ordinal);
        Assert.Contains($"<@{WorkflowUsers.Eoc}> (EOC)", summary, StringComparison.Ordinal);
        Assert.Equal(ChangeState.Completed, (await host.Host.ChangeAsync(id)).State);
        Assert.Empty(host.Host.Slack.CallsTo("views.open"));
    }

    [Fact]
    public async Task Complete_AC2_OpensTheHandoffModal_NotePostedToHandoffAndThread()
    {
        await using var host = await StartedAsync("C2");
        var id = host.Id;
        await host.RollOutAsync();
        await host.Host.AdvanceAsync(TimeSpan.FromHours(1));

        var done = await host.Host.CommandAsync(WorkflowUsers.ApiExecutor, $"complete {id}");
        var modal = (await host.Host.Slack.WaitForCallsAsync("views.open"))[^1].Arguments["view"]!;
        var missing = await host.Host.SubmitAsync(WorkflowUsers.ApiExecutor, HandoffModal.CallbackId, modal["private_metadata"]!.GetValue<string>(), new Dictionary<string, string?> { [HandoffModal.StateBlock] = " " });
        var posted = await host.Host.SubmitAsync(WorkflowUsers.ApiExecutor, HandoffModal.CallbackId, modal["private_metadata"]!.GetValue<string>(), new Dictionary<string, string?>
        {
            [HandoffModal.StateBlock] = "Redis 7.2 on every node; error rate back to baseline",
            [HandoffModal.AlertsBlock] = "RedisReplicationLag silenced until 06:00 UTC",
            [HandoffModal.GraphsBlock] = "https://grafana.example.com/d/redis",
            [HandoffModal.NotesBlock] = null,
        });

        Assert.Contains("Write the handoff note", done.Text, StringComparison.Ordinal);
        Assert.Equal(HandoffModal.CallbackId, modal["callback_id"]!.GetValue<string>());
        Assert.Equal(id.ToString(), modal["private_metadata"]!.GetValue<string>());
        Assert.Equal("errors", missing!["response_action"]!.GetValue<string>());
        Assert.Null(posted);
        var handoff = SlackAnswer.TextOf((await host.Host.MessageAsync("chat.postMessage", $"Handoff: {id}", WorkflowHost.HandoffChannel)).Arguments);
        Assert.Contains("Redis 7.2 on every node; error rate back to baseline", handoff, StringComparison.Ordinal);
        Assert.Contains("RedisReplicationLag silenced until 06:00 UTC", handoff, StringComparison.Ordinal);
        Assert.Contains("https://grafana.example.com/d/redis", handoff, StringComparison.Ordinal);
        Assert.Contains($"written by <@{WorkflowUsers.ApiExecutor}>", handoff, StringComparison.Ordinal);
        await host.Host.MessageAsync("chat.postMessage", $"Handoff: {id}", WorkflowHost.ChangeChannel, inThread: true);
        var summary = await host.Host.MessageAsync("chat.postMessage", "completed.", WorkflowHost.ChangeChannel, inThread: true);
        Assert.Contains(SlackAnswer.ActionIdsOf(summary.Arguments), action => action.StartsWith(ChangeActions.Handoff, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandoffButton_OnACompletedChange_OpensTheModal()
    {
        await using var host = await StartedAsync("C2");
        var id = host.Id;
        await host.RollOutAsync();
        await host.Host.AdvanceAsync(TimeSpan.FromHours(1));
        var change = await host.Host.ChangeAsync(id);
        await host.Host.ClickAsync(WorkflowUsers.ApiExecutor, ChangeActions.For(ChangeActions.Complete, id, change.Revision));
        await host.Host.EventuallyAsync(id, c => c.State == ChangeState.Completed, "the Complete button to complete it");
        var opens = host.Host.Slack.CallsTo("views.open").Count;

        await host.Host.ClickAsync(WorkflowUsers.ApiExecutor, ChangeActions.For(ChangeActions.Handoff, id, change.Revision));

        var all = await host.Host.Slack.WaitForCallsAsync("views.open", opens + 1);
        Assert.Equal(HandoffModal.CallbackId, all[^1].Arguments["view"]!["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Emergency_RetrospectiveOwedAfterTheStart_ShownUntilItsLinkIsRecorded()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var id = await host.FileAsync(MondayNoon.AddMinutes(30), "C3", "emergency", incident: "INC-42");
        await host.ApproveAllAsync(id);

        var started = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");
        var announcement = await host.MessageAsync("chat.postMessage", "started by", WorkflowHost.ChangeChannel, inThread: true);
        var owed = await host.CommandAsync(WorkflowUsers.ApiRequester, $"show {id}");
        var badLink = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"retro {id} the wiki");
        var recorded = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"retro {id} <https://wiki.example.com/retro/42>");
        var after = await host.CommandAsync(WorkflowUsers.ApiRequester, $"show {id}");

        Assert.Contains($"You started {id}", started.Text, StringComparison.Ordinal);
        Assert.Contains("Retrospective owed", SlackAnswer.TextOf(announcement.Arguments), StringComparison.Ordinal);
        Assert.Contains("Retrospective owed", owed.Text, StringComparison.Ordinal);
        Assert.Contains("must be a web address", badLink.Text, StringComparison.Ordinal);
        Assert.Contains("Retrospective for", recorded.Text, StringComparison.Ordinal);
        await host.MessageAsync("chat.postMessage", "https://wiki.example.com/retro/42", WorkflowHost.ChangeChannel, inThread: true);
        Assert.DoesNotContain("Retrospective owed", after.Text, StringComparison.Ordinal);
        Assert.Contains("Retrospective: https://wiki.example.com/retro/42", after.Text, StringComparison.Ordinal);
    }

    private static async Task<StartedChange> StartedAsync(string criticality)
    {
        var host = await WorkflowHost.StartAsync(MondayNoon);
        var id = await host.ScheduledAsync(TuesdayWindow, criticality);
        await host.SetUtcNowAsync(TuesdayWindow);
        var answer = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");
        Assert.Contains($"You started {id}", answer.Text, StringComparison.Ordinal);
        return new StartedChange(host, id);
    }

    private sealed record StartedChange(WorkflowHost Host, ChangeId Id) : IAsyncDisposable
    {
        /// <summary>Advances through every stage as soon as each minimum allows, into the bake.</summary>
        public async Task RollOutAsync()
        {
            while ((await Host.ChangeAsync(Id)).State == ChangeState.InProgress)
            {
                var change = await Host.ChangeAsync(Id);
                var stage = change.CurrentStage!;

                // The last stage's monitoring time is the bake that follows, so it hands over at once.
                var isLast = stage.Index == change.Content.RolloutStages.Count - 1;
                if (!isLast && stage.MonitoredUntil > Host.Time.GetUtcNow())
                {
                    await Host.SetUtcNowAsync(stage.MonitoredUntil);
                }

                var answer = await Host.CommandAsync(WorkflowUsers.ApiExecutor, $"advance {Id}");
                Assert.Contains($"*{Id}*", answer.Text, StringComparison.Ordinal);
            }
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
