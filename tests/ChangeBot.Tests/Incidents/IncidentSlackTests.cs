using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Incidents;

/// <summary><c>/change incident</c> and <c>/change resume</c>, signed as Slack sends them, through the real host.</summary>
public class IncidentSlackTests
{
    [Fact]
    public async Task IncidentStart_ByTheEoc_DeclaredAnnouncedAndPausesTheRollout()
    {
        await using var host = await IncidentHost.StartAsync(null);
        var change = await RunningChange.StartAsync(host, 911);

        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.Eoc, "incident start S1 Checkout is down"));

        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowHost.ChangeChannel
            && WorkflowHost.TextOf(call).Contains("(S1) declared by <@U0EOC>: Checkout is down.", StringComparison.Ordinal));
        await host.WaitForPrivateReplyAsync($"Paused rollouts: {change.Id}.");
        await host.WaitForThreadReplyAsync(change.Id.ToString(), $"{change.Id} is paused");
        Assert.False((await host.GateAsync())["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task IncidentStartThenEnd_ByTheIncidentCommander_ResolvedAndGateOpens()
    {
        await using var host = await IncidentHost.StartAsync(null);
        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.IncidentCommander, "incident start s2 Queue backlog"));
        var reply = await host.WaitForPrivateReplyAsync("(S2) is declared");
        var id = WorkflowHost.TextOf(reply).Split(' ')[1];

        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.IncidentCommander, $"incident end {id}"));

        await host.WaitForPrivateReplyAsync($"Incident {id} is resolved.");
        Assert.True((await host.GateAsync())["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task IncidentStart_TwiceInTheSameSecond_TwoIncidents()
    {
        await using var host = await IncidentHost.StartAsync(null);

        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.Eoc, "incident start S3 Search is slow"));
        await host.WaitForPrivateReplyAsync("Incident INC-20261201-120000 (S3) is declared");
        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.Admin, "incident start S4 Docs site is slow"));

        await host.WaitForPrivateReplyAsync("Incident INC-20261201-120000-2 (S4) is declared");
    }

    [Fact]
    public async Task IncidentStart_ByAnEngineer_RefusedPrivatelyAndNothingDeclared()
    {
        await using var host = await IncidentHost.StartAsync(null);

        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.Requester, "incident start S1 I think it is down"));

        await host.WaitForPrivateReplyAsync("Only the EOC, the incident commander or an admin can declare or end an incident.");
        Assert.True((await host.GateAsync())["allowed"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("incident start Checkout is down", "Declare an incident with its severity and a title")]
    [InlineData("incident start S7 Checkout is down", "Declare an incident with its severity and a title")]
    [InlineData("incident end", "Name the incident to end")]
    [InlineData("incident", "`/change incident` takes `start` or `end`")]
    [InlineData("resume", "Name the paused change to resume")]
    public async Task Command_BadArguments_EphemeralUsage(string text, string expected)
    {
        await using var host = await IncidentHost.StartAsync(null);

        var ack = await host.Interactions.CommandAsync(WorkflowUsers.Eoc, text);

        Assert.Equal("ephemeral", ack?["response_type"]?.GetValue<string>());
        Assert.Contains(expected, ack?["text"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentEnd_UnknownId_ToldThereIsNone()
    {
        await using var host = await IncidentHost.StartAsync(null);

        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.Eoc, "incident end INC-404"));

        await host.WaitForPrivateReplyAsync("There is no incident INC-404.");
    }

    [Fact]
    public async Task Resume_ByTheEocDuringTheIncident_RolloutContinuesAndExecutorTold()
    {
        await using var host = await IncidentHost.StartAsync(null);
        var change = await RunningChange.StartAsync(host, 912);
        using var declared = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-50", severity = "S1", status = "active", title = "Checkout is down" });

        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.Executor, $"resume {change.Id}"));
        await host.WaitForPrivateReplyAsync("Only the engineer on call (EOC) can resume");
        Assert.Null(await host.Interactions.CommandAsync(WorkflowUsers.Eoc, $"resume {change.Id}"));

        await host.WaitForPrivateReplyAsync($"{change.Id} is resumed");
        await host.WaitForThreadReplyAsync(change.Id.ToString(), "<@U0EOC> (EOC) resumed");
        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowUsers.Executor && WorkflowHost.TextOf(call).Contains("the rollout may continue", StringComparison.Ordinal));
        Assert.False((await RunningChange.LoadAsync(host, change.Id)).IsPaused);
    }
}
