using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Execution;

/// <summary>Starting a change through Slack: admission at that moment, the executor only, overrides by an admin.</summary>
public sealed class StartTests
{
    // 2026-12-22 is a Tuesday; the shipped policy's soft PCL runs from the 22nd 09:00 to the 23rd 09:00 UTC.
    private static readonly DateTimeOffset MondayBeforePcl = new(2026, 12, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayWindow = new(2026, 12, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WednesdayInPcl = new(2026, 12, 23, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Start_C2DuringSoftPcl_ExecutorSeesEveryReasonAndHowToOverride()
    {
        await using var host = await WorkflowHost.StartAsync(MondayBeforePcl);
        var id = await host.ScheduledAsync(TuesdayWindow, "C2");
        await host.SetUtcNowAsync(WednesdayInPcl);

        var answer = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");

        Assert.True(answer.IsEphemeral);
        Assert.Contains($"{id} may not start now", answer.Text, StringComparison.Ordinal);
        Assert.Contains("soft PCL 'Release day'", answer.Text, StringComparison.Ordinal);
        Assert.Contains("(`pcl.soft`)", answer.Text, StringComparison.Ordinal);
        Assert.Contains($"/change override {id} pcl.soft", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Next allowed start", answer.Text, StringComparison.Ordinal);
        Assert.Equal(ChangeState.Scheduled, (await host.ChangeAsync(id)).State);
    }

    [Fact]
    public async Task Start_C3DuringSoftPcl_StartsAndTellsToCoordinateWithTheEoc()
    {
        await using var host = await WorkflowHost.StartAsync(MondayBeforePcl);
        var id = await host.ScheduledAsync(WednesdayInPcl, "C3");
        await host.SetUtcNowAsync(WednesdayInPcl);

        var answer = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");

        Assert.Contains($"You started {id}", answer.Text, StringComparison.Ordinal);
        var started = await host.MessageAsync("chat.postMessage", $"{id} · Upgrade Redis cluster from 7.0 to 7.2* started by <@{WorkflowUsers.ApiExecutor}>", WorkflowHost.ChangeChannel, inThread: true);
        var text = SlackAnswer.TextOf(started.Arguments);
        Assert.Contains("coordinate with the EOC", text, StringComparison.Ordinal);
        Assert.Contains("Error rate exceeds 5% for 2 consecutive minutes", text, StringComparison.Ordinal);
        Assert.Contains("*ETA*", text, StringComparison.Ordinal);
        Assert.Contains("canary (5 %)", text, StringComparison.Ordinal);
        Assert.Equal(ChangeState.InProgress, (await host.ChangeAsync(id)).State);
        Assert.DoesNotContain(host.Slack.CallsTo("chat.postMessage"), call => call.Arg("channel") == WorkflowHost.ProductionChannel && SlackAnswer.TextOf(call.Arguments).Contains("started by", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Override_AdminLiftsSoftPcl_ExecutorThenStartsAndProductionIsTold()
    {
        await using var host = await WorkflowHost.StartAsync(MondayBeforePcl);
        var id = await host.ScheduledAsync(TuesdayWindow, "C2");
        await host.SetUtcNowAsync(WednesdayInPcl);

        var refused = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"override {id} pcl.soft 2h I am sure");
        var granted = await host.CommandAsync(WorkflowUsers.Admin, $"override {id} pcl.soft 2h hotfix agreed with the EOC on the bridge");
        var started = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");

        Assert.Contains("Only a ChangeBot admin can override", refused.Text, StringComparison.Ordinal);
        Assert.Contains($"Admission now allows {id} to start", granted.Text, StringComparison.Ordinal);
        var thread = await host.MessageAsync("chat.postMessage", "lifted `pcl.soft`", WorkflowHost.ChangeChannel, inThread: true);
        Assert.Contains("hotfix agreed with the EOC on the bridge", SlackAnswer.TextOf(thread.Arguments), StringComparison.Ordinal);
        Assert.Contains($"<@{WorkflowUsers.Admin}>", SlackAnswer.TextOf(thread.Arguments), StringComparison.Ordinal);
        Assert.Contains($"You started {id}", started.Text, StringComparison.Ordinal);
        var production = await host.MessageAsync("chat.postMessage", "started by", WorkflowHost.ProductionChannel);
        Assert.Contains(id.ToString(), SlackAnswer.TextOf(production.Arguments), StringComparison.Ordinal);
        Assert.Contains("pcl.soft lifted", SlackAnswer.TextOf(production.Arguments), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Override_UnknownRuleOrBadExpiry_RefusedWithWhatToType()
    {
        await using var host = await WorkflowHost.StartAsync(MondayBeforePcl);
        var id = await host.ScheduledAsync(TuesdayWindow, "C2");

        var unknownRule = await host.CommandAsync(WorkflowUsers.Admin, $"override {id} pcl.sfot 2h typo");
        var badExpiry = await host.CommandAsync(WorkflowUsers.Admin, $"override {id} pcl.soft soon because");
        var noReason = await host.CommandAsync(WorkflowUsers.Admin, $"override {id} pcl.soft 2h");

        Assert.Contains("`pcl.sfot` is not an admission rule", unknownRule.Text, StringComparison.Ordinal);
        Assert.Contains("`pcl.soft`", unknownRule.Text, StringComparison.Ordinal);
        Assert.Contains("The expiry 'soon' is not a duration", badExpiry.Text, StringComparison.Ordinal);
        Assert.Contains("Name the rule, how long the override lasts and why", noReason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ByAnyoneButTheExecutor_RefusedAndNothingChanges()
    {
        await using var host = await WorkflowHost.StartAsync(MondayBeforePcl);
        var id = await host.ScheduledAsync(TuesdayWindow, "C3");
        await host.SetUtcNowAsync(TuesdayWindow);

        var byRequester = await host.CommandAsync(WorkflowUsers.ApiRequester, $"start {id}");
        var responseUrl = await host.ClickAsync(WorkflowUsers.Stranger, ChangeActions.For(ChangeActions.Start, id, (await host.ChangeAsync(id)).Revision));

        Assert.Contains($"Only the executor of {id}, <@{WorkflowUsers.ApiExecutor}>, can start it", byRequester.Text, StringComparison.Ordinal);
        var privateAnswer = await host.MessageAsync("response_url", "Only the executor");
        Assert.EndsWith(responseUrl.AbsolutePath, privateAnswer.Arguments["__url"]?.GetValue<string>() ?? responseUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(ChangeState.Scheduled, (await host.ChangeAsync(id)).State);
    }

    [Fact]
    public async Task Start_SecondC2WhileOneRuns_RefusedBySerialisation_AC3IsToldWhatRuns()
    {
        await using var host = await WorkflowHost.StartAsync(MondayBeforePcl);
        var first = await host.ScheduledAsync(TuesdayWindow, "C2");
        var second = await host.ScheduledAsync(TuesdayWindow, "C2");
        var minor = await host.ScheduledAsync(TuesdayWindow, "C3");
        await host.SetUtcNowAsync(TuesdayWindow);

        await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {first}");
        var refused = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {second}");
        var allowed = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {minor}");

        Assert.Contains($"{second} may not start now", refused.Text, StringComparison.Ordinal);
        Assert.Contains("(`serialisation`)", refused.Text, StringComparison.Ordinal);
        Assert.Contains(first.ToString(), refused.Text, StringComparison.Ordinal);
        Assert.Contains($"You started {minor}", allowed.Text, StringComparison.Ordinal);
        var announcement = await host.MessageAsync("chat.postMessage", $"{minor} · Upgrade Redis cluster from 7.0 to 7.2* started by", WorkflowHost.ChangeChannel, inThread: true);
        Assert.Contains(first.ToString(), SlackAnswer.TextOf(announcement.Arguments), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_DuringAnActiveS1Incident_RefusedSayingItWaitsForTheIncidentAndTheGateSaysSo()
    {
        await using var host = await WorkflowHost.StartAsync(MondayBeforePcl);
        var id = await host.ScheduledAsync(TuesdayWindow, "C3");
        await host.DeclareIncidentAsync("INC-88", "S1", "Checkout is down");
        await host.SetUtcNowAsync(TuesdayWindow);

        var refused = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {id}");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/gate?change={id}", UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", WorkflowHost.ApiToken);
        using var response = await host.Client.SendAsync(request);
        var gate = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Contains("(`incident.active`)", refused.Text, StringComparison.Ordinal);
        Assert.Contains("it waits for `incident.active` to clear", refused.Text, StringComparison.Ordinal);
        Assert.False(gate["allowed"]!.GetValue<bool>());
        Assert.Null(gate["nextAllowedAt"]);
        Assert.Equal(["incident.active"], gate["waitingFor"]!.AsArray().Select(rule => rule!.GetValue<string>()));
        Assert.Equal(ChangeState.Scheduled, (await host.ChangeAsync(id)).State);
    }

    [Fact]
    public async Task Start_UnknownChangeOrNoId_ClearRefusal()
    {
        await using var host = await WorkflowHost.StartAsync(MondayBeforePcl);

        var none = await host.CommandAsync(WorkflowUsers.ApiExecutor, "start");
        var bad = await host.CommandAsync(WorkflowUsers.ApiExecutor, "start CR-26-1");
        var missing = await host.CommandAsync(WorkflowUsers.ApiExecutor, "start CR-2026-0999");

        Assert.Contains("Name the change request: `/change start CR-2026-0001`", none.Text, StringComparison.Ordinal);
        Assert.Contains("'CR-26-1' is not a change id", bad.Text, StringComparison.Ordinal);
        Assert.Contains("There is no change request CR-2026-0999", missing.Text, StringComparison.Ordinal);
    }
}
