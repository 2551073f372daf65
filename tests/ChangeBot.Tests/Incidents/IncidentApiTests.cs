using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Incidents;

/// <summary>POST /api/v1/incidents through the real host, monitoring not configured (its rule off).</summary>
public class IncidentApiTests
{
    [Fact]
    public async Task PostIncident_S1Active_DeclaredAnnouncedInChangeAndBlocksTheGate()
    {
        await using var host = await IncidentHost.StartAsync(null);
        Assert.True((await host.GateAsync())["allowed"]!.GetValue<bool>());

        using var response = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-42", severity = "S1", status = "active", title = "Checkout is down" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("declared", body["outcome"]!.GetValue<string>());
        Assert.Equal("api", body["source"]!.GetValue<string>());
        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowHost.ChangeChannel
            && WorkflowHost.TextOf(call).Contains("Incident INC-42 (S1) declared by api: Checkout is down.", StringComparison.Ordinal));
        var gate = await host.GateAsync();
        Assert.False(gate["allowed"]!.GetValue<bool>());
        Assert.Contains(AdmissionRuleIds.IncidentActive, gate.Rules());
    }

    [Fact]
    public async Task PostIncident_SameReportTwice_SecondIsUnchangedAndAnnouncedOnce()
    {
        await using var host = await IncidentHost.StartAsync(null);
        var report = new { id = "INC-43", severity = "S3", status = "active", title = "Search is slow" };
        using var first = await host.PostApiAsync("/api/v1/incidents", report);
        using var second = await host.PostApiAsync("/api/v1/incidents", report);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("unchanged", JsonNode.Parse(await second.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        using var resolved = await host.PostApiAsync("/api/v1/incidents", report with { status = "resolved" });
        Assert.Equal("resolved", JsonNode.Parse(await resolved.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        // The resolution is a reply to the declaration, so everything before it has been delivered.
        await host.WaitForAsync("chat.postMessage", call => call.Arg("thread_ts") is not null && WorkflowHost.TextOf(call).Contains("Incident INC-43 (S3) resolved", StringComparison.Ordinal));
        Assert.Single(host.Slack.CallsTo("chat.postMessage"), call => WorkflowHost.TextOf(call).Contains("INC-43 (S3) declared", StringComparison.Ordinal));
        var gate = await host.GateAsync();
        Assert.DoesNotContain(AdmissionRuleIds.IncidentMinor, gate.Rules("conditions"));
    }

    [Fact]
    public async Task PostIncident_BadFields_400NamingEachField()
    {
        await using var host = await IncidentHost.StartAsync(null);

        using var response = await host.PostApiAsync("/api/v1/incidents", new { severity = "S9", status = "open", owner = "me" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var fields = body["fields"]!.AsArray().Select(field => field!["field"]!.GetValue<string>()).ToList();
        Assert.Equal(["id", "severity", "status", "title", "owner"], fields);
        Assert.Contains("severity must be S1, S2, S3 or S4, not \"S9\".", body["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostIncident_NotJson_400SayingWhatToSend()
    {
        await using var host = await IncidentHost.StartAsync(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/incidents", UriKind.Relative)) { Content = new StringContent("severity=S1") };
        request.Headers.Authorization = new("Bearer", WorkflowHost.ApiToken);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The body is not JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/incidents")]
    [InlineData("/api/v1/alertmanager")]
    public async Task Post_WithoutBearerToken_401AndNothingStored(string path)
    {
        await using var host = await IncidentHost.StartAsync(null);

        using var response = await host.Client.PostAsJsonAsync(new Uri(path, UriKind.Relative), new { id = "INC-1", severity = "S1", status = "active", title = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True((await host.GateAsync())["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PostIncident_S2WhileRollingOut_PausesWithNoticesAndResolutionReleases()
    {
        await using var host = await IncidentHost.StartAsync(null);
        var change = await RunningChange.StartAsync(host, 901);
        var id = change.Id.ToString();

        using var declared = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-44", severity = "S2", status = "active", title = "Payments degraded" });

        Assert.Equal(id, JsonNode.Parse(await declared.Content.ReadAsStringAsync())!["paused"]![0]!.GetValue<string>());
        await host.WaitForThreadReplyAsync(id, $"{id} is paused: incident INC-44 (S2) is active: Payments degraded.");
        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowUsers.Executor && WorkflowHost.TextOf(call).Contains($"{id} ({change.Title}) is paused", StringComparison.Ordinal));
        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowUsers.Eoc && WorkflowHost.TextOf(call).Contains($"{id} ({change.Title}) is paused", StringComparison.Ordinal));
        var paused = await RunningChange.LoadAsync(host, change.Id);
        Assert.True(paused.IsPaused);
        await host.AdvanceAsync(TimeSpan.FromMinutes(20));
        var refusal = Assert.Throws<DomainException>(() => paused.Advance(Actor.Engineer(WorkflowUsers.Executor), host.Time.GetUtcNow()));
        Assert.Contains("until the EOC resumes it", refusal.Message, StringComparison.Ordinal);

        using var resolved = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-44", severity = "S2", status = "resolved", title = "Payments degraded" });

        Assert.Equal(id, JsonNode.Parse(await resolved.Content.ReadAsStringAsync())!["released"]![0]!.GetValue<string>());
        await host.WaitForThreadReplyAsync(id, $"Incident INC-44 is resolved: {id} is no longer paused.");

        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowUsers.Executor && WorkflowHost.TextOf(call).Contains($"may continue its rollout", StringComparison.Ordinal));
        var released = await RunningChange.LoadAsync(host, change.Id);
        Assert.False(released.IsPaused);
        released.Advance(Actor.Engineer(WorkflowUsers.Executor), host.Time.GetUtcNow());
    }

    [Fact]
    public async Task PostIncident_TwoBlockingIncidents_PausedOnceAndReleasedWhenTheLastEnds()
    {
        await using var host = await IncidentHost.StartAsync(null);
        var change = await RunningChange.StartAsync(host, 902);

        using var first = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-45", severity = "S1", status = "active", title = "Checkout is down" });
        using var second = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-46", severity = "S1", status = "active", title = "Login is down too" });

        Assert.Empty(JsonNode.Parse(await second.Content.ReadAsStringAsync())!["paused"]!.AsArray());
        using var firstEnds = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-45", severity = "S1", status = "resolved", title = "Checkout is down" });
        Assert.Empty(JsonNode.Parse(await firstEnds.Content.ReadAsStringAsync())!["released"]!.AsArray());
        Assert.True((await RunningChange.LoadAsync(host, change.Id)).IsPaused);

        using var secondEnds = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-46", severity = "S1", status = "resolved", title = "Login is down too" });

        Assert.Equal(change.Id.ToString(), JsonNode.Parse(await secondEnds.Content.ReadAsStringAsync())!["released"]![0]!.GetValue<string>());
        Assert.False((await RunningChange.LoadAsync(host, change.Id)).IsPaused);
        await host.WaitForThreadReplyAsync(change.Id.ToString(), "is no longer paused");
        Assert.Single(await host.ThreadAsync(change.Id.ToString()), call => WorkflowHost.TextOf(call).Contains("is paused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostIncident_Resolved_ExecutorOfAChangeBookedDuringItIsToldItMayStart()
    {
        await using var host = await IncidentHost.StartAsync(null);
        var booked = await RunningChange.BookAsync(host, 903, host.Time.GetUtcNow().AddMinutes(10));
        var later = await RunningChange.BookAsync(host, 904, host.Time.GetUtcNow().AddHours(5));
        using var declared = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-47", severity = "S1", status = "active", title = "Checkout is down" });
        await host.AdvanceAsync(TimeSpan.FromMinutes(30));

        using var resolved = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-47", severity = "S1", status = "resolved", title = "Checkout is down" });

        var text = $"Incident INC-47 is resolved: {booked.Id} ({booked.Title}), which could not start during it, may be started again.";
        await host.WaitForThreadReplyAsync(booked.Id.ToString(), text);
        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowUsers.Executor && WorkflowHost.TextOf(call).Contains(text, StringComparison.Ordinal));
        await host.OutboxDrainedAsync();
        Assert.DoesNotContain(host.Slack.CallsTo("chat.postMessage"), call => WorkflowHost.TextOf(call).Contains($"{later.Id} ({later.Title}), which could not start", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostIncident_FirstReportedResolvedThenActive_RecordedSilentlyThenDeclaredInItsOwnMessage()
    {
        await using var host = await IncidentHost.StartAsync(null);

        using var recorded = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-48", severity = "S3", status = "resolved", title = "Blip" });
        using var declared = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-48", severity = "S3", status = "active", title = "Blip again" });

        Assert.Equal("recorded", JsonNode.Parse(await recorded.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowHost.ChangeChannel && call.Arg("thread_ts") is null
            && WorkflowHost.TextOf(call).Contains("Incident INC-48 (S3) declared by api: Blip again.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TriggerLoop_EveryCheckInterval_PostsTheManualReviewChecklistOfARunningChange()
    {
        await using var host = await IncidentHost.StartAsync(null);
        var change = await RunningChange.StartAsync(host, 905);

        await host.AdvanceAsync(TimeSpan.FromSeconds(30));

        await host.WaitForThreadReplyAsync(change.Id.ToString(), "• ☐ Customers report failed payments");
    }
}
