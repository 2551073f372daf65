using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Locks;
using ChangeBot.Tests.Execution;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Locks;

/// <summary>
/// End to end through the real host: a change planned in the shipped hard PCL "End-of-year holidays" asks for an
/// exception, the VPE approves it with the button in their DM, and from then on the gate and <c>/change start</c> let
/// that change (and only that one) through the lock.
/// </summary>
public sealed class LockExceptionAdmissionTests
{
    // Monday 28 December 2026, inside the hard PCL (24 Dec 09:00 to 2 Jan 09:00 UTC); Tuesday 29th 03:00 is in the normal window.
    private static readonly DateTimeOffset InHardPcl = new(2026, 12, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayWindow = new(2026, 12, 29, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Exception_ApprovedByTheVpe_GateAndStartLetThatChangeThroughTheHardPclOnly()
    {
        await using var host = await WorkflowHost.StartAsync(InHardPcl);
        var excepted = await host.FileAsync(TuesdayWindow);
        var other = await host.FileAsync(TuesdayWindow);
        await host.ApproveAllAsync(excepted);
        await host.ApproveAllAsync(other);

        host.Slack.AddChannel(WorkflowUsers.Vpe);
        var asked = await host.CommandAsync(WorkflowUsers.ApiRequester, $"exception {excepted} security-patch-critical CVE-2026-1234 in openssl");
        Assert.Contains($"<@{WorkflowUsers.Vpe}>", asked.Text, StringComparison.Ordinal);
        var dm = await host.MessageAsync("chat.postMessage", "asks for an exception", WorkflowUsers.Vpe);
        await host.ClickAsync(WorkflowUsers.Vpe, ExceptionMessages.ApproveAction, ApproveValue(dm.Arguments));
        await host.MessageAsync("chat.postMessage", "approved the exception", WorkflowHost.ChangeChannel, inThread: true);
        await host.EventuallyAsync(excepted, change => change.State == ChangeState.Scheduled, "the excepted change to be scheduled");

        var gateExcepted = await GateAsync(host, excepted);
        var gateOther = await GateAsync(host, other);

        Assert.True(gateExcepted["allowed"]!.GetValue<bool>(), gateExcepted.ToJsonString());
        var condition = gateExcepted["conditions"]!.AsArray().Single(c => c!["rule"]!.GetValue<string>() == "exception")!["message"]!.GetValue<string>();
        Assert.Contains("hard PCL 'End-of-year holidays'", condition, StringComparison.Ordinal);
        Assert.Contains(WorkflowUsers.Vpe, condition, StringComparison.Ordinal);
        Assert.False(gateOther["allowed"]!.GetValue<bool>());
        Assert.Equal(["pcl.hard"], gateOther["reasons"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()));
        Assert.Equal(ChangeState.Approved, (await host.ChangeAsync(other)).State);

        await host.SetUtcNowAsync(TuesdayWindow);
        var started = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {excepted}");
        var refused = await host.CommandAsync(WorkflowUsers.ApiExecutor, $"start {other}");

        Assert.Contains($"You started {excepted}", started.Text, StringComparison.Ordinal);
        Assert.Equal(ChangeState.InProgress, (await host.ChangeAsync(excepted)).State);
        Assert.DoesNotContain("You started", refused.Text, StringComparison.Ordinal);
        Assert.Equal(ChangeState.Approved, (await host.ChangeAsync(other)).State);
    }

    [Fact]
    public async Task Gate_ForAFiledChange_RefusesParametersTheChangeAnswersForAndUnknownChanges()
    {
        await using var host = await WorkflowHost.StartAsync(InHardPcl);
        var id = await host.FileAsync(TuesdayWindow);

        using var withCriticality = await GetAsync(host, $"/api/v1/gate?change={id}&criticality=C4");
        using var unknown = await GetAsync(host, "/api/v1/gate?change=CR-2026-0999");

        Assert.Equal(HttpStatusCode.BadRequest, withCriticality.StatusCode);
        Assert.Contains($"criticality is read from {id}", await withCriticality.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("CR-2026-0999' is not a filed change request", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string ApproveValue(JsonObject arguments)
    {
        var blocks = arguments["blocks"] is JsonValue encoded ? JsonNode.Parse(encoded.GetValue<string>())! : arguments["blocks"]!;
        return blocks.AsArray()
            .Where(block => block!["type"]!.GetValue<string>() == "actions")
            .SelectMany(block => block!["elements"]!.AsArray())
            .Single(element => element!["action_id"]!.GetValue<string>() == ExceptionMessages.ApproveAction)!["value"]!.GetValue<string>();
    }

    private static async Task<JsonObject> GateAsync(WorkflowHost host, ChangeId id)
    {
        using var response = await GetAsync(host, $"/api/v1/gate?change={id}&at=2026-12-29T03:00:00Z");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task<HttpResponseMessage> GetAsync(WorkflowHost host, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkflowHost.ApiToken);
        return await host.Client.SendAsync(request);
    }
}
