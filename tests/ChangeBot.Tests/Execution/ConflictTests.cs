using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Execution;

/// <summary>Overlapping changes on the same service are flagged as conflicts, naming the other change (DESIGN.md, issue 2).</summary>
public sealed class ConflictTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayWindow = new(2026, 12, 1, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task FileOverlapping_SameService_MessageAndGateShowTheConflictNamingTheScheduledOne_OtherServicesAndPendingOnesDoNot()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var first = await host.ScheduledAsync(TuesdayWindow, "C3");

        var second = await host.FileAsync(TuesdayWindow.AddMinutes(15), "C3", services: ["session-cache"]);
        var separate = await host.FileAsync(TuesdayWindow.AddMinutes(15), "C3", services: ["billing-api"]);
        var gate = await GateAsync(host, "session-cache", TuesdayWindow.AddMinutes(20));
        var elsewhere = await GateAsync(host, "billing-api", TuesdayWindow.AddMinutes(20));

        var announcement = await host.MessageAsync("chat.postMessage", $"{second} · Upgrade Redis", WorkflowHost.ChangeChannel, inThread: false);
        Assert.Contains($"Conflicts with {first} on session-cache", SlackAnswer.TextOf(announcement.Arguments), StringComparison.Ordinal);
        var other = await host.MessageAsync("chat.postMessage", $"{separate} · Upgrade Redis", WorkflowHost.ChangeChannel, inThread: false);
        Assert.DoesNotContain("Conflicts with", SlackAnswer.TextOf(other.Arguments), StringComparison.Ordinal);
        var conflicts = gate["conditions"]!.AsArray().Where(condition => condition!["rule"]!.GetValue<string>() == "conflict").ToList();
        Assert.Contains(conflicts, condition => condition!["message"]!.GetValue<string>().Contains($"Conflicts with {first} on session-cache", StringComparison.Ordinal));
        Assert.DoesNotContain(conflicts, condition => condition!["message"]!.GetValue<string>().Contains(second.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(elsewhere["conditions"]!.AsArray(), condition => condition!["rule"]!.GetValue<string>() == "conflict"
            && condition["message"]!.GetValue<string>().Contains(first.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_OverlappingScheduledChange_StartAnswerShowsTheConflict()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);
        var first = await host.ScheduledAsync(TuesdayWindow, "C3");
        var second = await host.ScheduledAsync(TuesdayWindow.AddMinutes(10), "C3");
        await host.SetUtcNowAsync(TuesdayWindow.AddMinutes(10));

        await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {second}");

        var started = await host.MessageAsync("chat.postMessage", "started by", WorkflowHost.ChangeChannel, inThread: true);
        Assert.Contains($"Conflicts with {first} on redis-cluster-primary, session-cache", SlackAnswer.TextOf(started.Arguments), StringComparison.Ordinal);
    }

    private static async Task<JsonObject> GateAsync(WorkflowHost host, string service, DateTimeOffset at)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/gate?type=normal&criticality=C3&at={at:yyyy-MM-ddTHH:mm:ssZ}&duration=30m&services={service}", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkflowHost.ApiToken);
        using var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }
}
