using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Tests.Workflow;

/// <summary>Step 1 and 2 of the journey: filing through the modal and the API, and the announcement.</summary>
public sealed class FilingTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NewCommand_WithTitle_OpensTheModalPrefilledWithRiskMeaningsAndPolicyStages()
    {
        var ack = await _host.Interactions.CommandAsync(WorkflowUsers.Requester, "new Upgrade Redis to 7.2");

        Assert.Null(ack);
        var view = await _host.Interactions.OpenedViewAsync(1);
        var json = view.ToJsonString();
        Assert.Equal("cr.intake", view["callback_id"]!.GetValue<string>());
        Assert.Contains("Upgrade Redis to 7.2", FindInitial(view, ChangeRequestFields.Title), StringComparison.Ordinal);
        var text = WorkflowHost.TextOf(_host.Slack.CallsTo("views.open")[0]);
        Assert.Contains("2 — Rollback under 5 min", text, StringComparison.Ordinal);
        Assert.Contains("canary 5% 15m", FindInitial(view, ChangeRequestFields.RolloutStages), StringComparison.Ordinal);
        Assert.DoesNotContain(ChangeRequestFields.EventManager, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ValidMediumRiskChange_AnnouncesInChangeWithThreadAndConfirmsPrivately()
    {
        var ack = await _host.FileAsync(new IntakeFormValues());

        Assert.Equal("clear", ack?["response_action"]?.GetValue<string>());
        var announcement = await _host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowHost.ChangeChannel && call.Arg("thread_ts") is null);
        var text = WorkflowHost.TextOf(announcement);
        Assert.Contains("CR-2026-0001 · Upgrade Redis cluster from 7.0 to 7.2", text, StringComparison.Ordinal);
        Assert.Contains("<@U0ALICE>", text, StringComparison.Ordinal);
        Assert.Contains("<@U0BOB>", text, StringComparison.Ordinal);
        Assert.Contains("medium (score 7)", text, StringComparison.Ordinal);
        Assert.Contains("Blast radius 2 — Multiple services", text, StringComparison.Ordinal);
        Assert.Contains("C3", text, StringComparison.Ordinal);
        Assert.Contains("<!date^1796180400^{date_short_pretty} {time}|2026-12-02 03:00 UTC>", text, StringComparison.Ordinal);
        Assert.Contains("`redis-cluster-primary`", text, StringComparison.Ordinal);
        Assert.Contains("Reviewers (0 of 2): 2 more from any engineer but the requester", text, StringComparison.Ordinal);
        Assert.Contains("EOC acknowledgement (0 of 1): 1 more from the EOC (on call: <@U0EOC>)", text, StringComparison.Ordinal);
        Assert.Contains("Admission*: may start at", text, StringComparison.Ordinal);
        Assert.Contains(WorkflowHost.ButtonsOf(announcement), button => button.ActionId == "cr.approve:CR-2026-0001:1:reviewers");
        var filed = await _host.WaitForThreadReplyAsync("CR-2026-0001", "Filed by <@U0ALICE>");
        Assert.Contains("Medium risk (score 7): 2 reviewers", WorkflowHost.TextOf(filed), StringComparison.Ordinal);
        var confirmation = await _host.WaitForAsync("chat.postEphemeral", call => call.Arg("user") == WorkflowUsers.Requester);
        Assert.Contains("Filed *CR-2026-0001", WorkflowHost.TextOf(confirmation), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Slack.CallsTo("chat.postMessage"), call => call.Arg("channel") == WorkflowHost.ProductionChannel);
    }

    public static TheoryData<string, Action<IntakeFormValues>, string> InvalidFields => new()
    {
        { ChangeRequestFields.RollbackPlan, values => values.Text(ChangeRequestFields.RollbackPlan, "   "), "A rollback plan is required" },
        { ChangeRequestFields.PlannedStart, values => values.Start(WorkflowHost.Now.AddHours(-2)), "is in the past" },
        { ChangeRequestFields.EstimatedDuration, values => values.Text(ChangeRequestFields.EstimatedDuration, "a while"), "is not a duration" },
        { ChangeRequestFields.Executor, values => values.User(ChangeRequestFields.Executor, WorkflowUsers.SomeBot), "is a bot" },
        { ChangeRequestFields.Executor, values => values.User(ChangeRequestFields.Executor, "U0NOBODY"), "is not a person in this workspace" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Submit_InvalidField_ErrorOnThatBlockAndNothingFiled(string field, Action<IntakeFormValues> spoil, string message)
    {
        var values = new IntakeFormValues();
        spoil(values);

        var ack = await _host.FileAsync(values);

        Assert.Equal("errors", ack?["response_action"]?.GetValue<string>());
        var errors = ack!["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(error => error.Key));
        Assert.Contains(message, errors[field]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_host.Slack.CallsTo("chat.postMessage"));
        using var listed = await _host.GetApiAsync("/api/v1/changes");
        Assert.Equal("[]", await listed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Submit_SeveralInvalidFields_EachOnItsOwnBlock()
    {
        var values = new IntakeFormValues()
            .Text(ChangeRequestFields.RollbackPlan, null)
            .Text(ChangeRequestFields.EstimatedDuration, "soon")
            .Text(ChangeRequestFields.Title, null);

        var ack = await _host.FileAsync(values);

        var errors = ack!["errors"]!.AsObject();
        Assert.Equal(
            [ChangeRequestFields.EstimatedDuration, ChangeRequestFields.RollbackPlan, ChangeRequestFields.Title],
            errors.Select(error => error.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Submit_HighRiskChange_AsksForTheChangeTeamKeepingWhatWasTypedThenAnnouncesInProduction()
    {
        var values = new IntakeFormValues().Risk(3, 3, 3, 2).Text(ChangeRequestFields.Title, "Move sessions to the new Redis cluster");

        var first = await _host.FileAsync(values);

        Assert.Equal("update", first?["response_action"]?.GetValue<string>());
        var updated = first!["view"]!.AsObject();
        Assert.Contains("This is a *C2* change", updated.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Move sessions to the new Redis cluster", FindInitial(updated, ChangeRequestFields.Title));
        Assert.Equal("45m", FindInitial(updated, ChangeRequestFields.EstimatedDuration));
        Assert.Contains(ChangeRequestFields.EventManager, updated.ToJsonString(), StringComparison.Ordinal);

        var missingTeam = await _host.Interactions.SubmitAsync(WorkflowUsers.Requester, "cr.intake", updated["private_metadata"]!.GetValue<string>(), values.Build());
        Assert.Equal("errors", missingTeam?["response_action"]?.GetValue<string>());
        Assert.Contains("event manager (EMOC)", missingTeam!["errors"]![ChangeRequestFields.EventManager]!.GetValue<string>(), StringComparison.Ordinal);

        var filed = await _host.Interactions.SubmitAsync(WorkflowUsers.Requester, "cr.intake", updated["private_metadata"]!.GetValue<string>(), values.HighRiskWithTeam().Build());
        Assert.Equal("clear", filed?["response_action"]?.GetValue<string>());
        var production = await _host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowHost.ProductionChannel);
        Assert.Contains("C2 change planned", WorkflowHost.TextOf(production), StringComparison.Ordinal);
        Assert.Contains("CR-2026-0001", WorkflowHost.TextOf(production), StringComparison.Ordinal);
        var announcement = await _host.LatestAnnouncementAsync("CR-2026-0001");
        var text = WorkflowHost.TextOf(announcement);
        Assert.Contains("a quorum of 3 reviewers", (await _host.WaitForThreadReplyAsync("CR-2026-0001", "Filed by")).Arguments.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("EOC written approval (0 of 1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostChanges_ValidBody_201WithTheChangeAndItIsAnnounced()
    {
        using var response = await _host.PostApiAsync("/api/v1/changes", ApiBody());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("CR-2026-0001", body["id"]!.GetValue<string>());
        Assert.Equal("submitted", body["state"]!.GetValue<string>());
        Assert.Equal(1, body["revision"]!.GetValue<int>());
        Assert.Equal("C3", body["criticality"]!.GetValue<string>());
        Assert.Equal(7, body["riskScore"]!.GetValue<int>());
        Assert.Equal("medium", body["riskLevel"]!.GetValue<string>());
        Assert.Empty(body["approvals"]!.AsArray());
        Assert.Contains(body["approvalsNeeded"]!.AsArray(), needed => needed!["requirement"]!.GetValue<string>() == "reviewers" && needed["remaining"]!.GetValue<int>() == 2);
        Assert.True(body["admission"]!["allowed"]!.GetValue<bool>());
        Assert.Equal("/api/v1/changes/CR-2026-0001", response.Headers.Location?.ToString());
        await _host.WaitForThreadReplyAsync("CR-2026-0001", "Filed by <@U123>");

        using var one = await _host.GetApiAsync("/api/v1/changes/CR-2026-0001");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var listed = await _host.GetApiAsync("/api/v1/changes?state=submitted");
        Assert.Single(JsonNode.Parse(await listed.Content.ReadAsStringAsync())!.AsArray());
        using var none = await _host.GetApiAsync("/api/v1/changes?state=scheduled");
        Assert.Empty(JsonNode.Parse(await none.Content.ReadAsStringAsync())!.AsArray());
    }

    [Fact]
    public async Task PostChanges_InvalidFields_400NamingEachField()
    {
        var body = ApiBody();
        body["rollbackPlan"] = "";
        body["estimatedDuration"] = "ages";
        body["plannedStart"] = "tomorrow";
        body.Remove("risk");

        using var response = await _host.PostApiAsync("/api/v1/changes", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var fields = answer["fields"]!.AsArray().Select(field => field!["field"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "rollbackPlan", "estimatedDuration", "plannedStart", "risk.blastRadius", "risk.timing" }, fields);
        Assert.Contains("is not a time", answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangesApi_NotJsonOrUnknownOrNoToken_ClearAnswersNever500()
    {
        using var notJson = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/changes", UriKind.Relative)) { Content = new StringContent("{\"title\": 12", System.Text.Encoding.UTF8, "application/json") };
        notJson.Headers.Authorization = new("Bearer", WorkflowHost.ApiToken);
        using var notJsonAnswer = await _host.Client.SendAsync(notJson);
        using var unknown = await _host.GetApiAsync("/api/v1/changes/CR-2026-0999");
        using var badId = await _host.GetApiAsync("/api/v1/changes/banana");
        using var badState = await _host.GetApiAsync("/api/v1/changes?state=done");
        using var anonymous = await _host.Client.GetAsync(new Uri("/api/v1/changes", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, notJsonAnswer.StatusCode);
        Assert.Contains("not a change request", await notJsonAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("in_progress", await badState.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static JsonObject ApiBody() => new()
    {
        ["title"] = "Upgrade Redis cluster from 7.0 to 7.2",
        ["type"] = "normal",
        ["environment"] = "production",
        ["services"] = new JsonArray("redis-cluster-primary", "session-cache"),
        ["risk"] = new JsonObject { ["blastRadius"] = 2, ["reversibility"] = 2, ["confidence"] = 2, ["timing"] = 1 },
        ["causesDowntime"] = false,
        ["requester"] = "U123",
        ["executor"] = WorkflowUsers.Executor,
        ["plannedStart"] = "2026-12-02T03:00:00Z",
        ["estimatedDuration"] = "45m",
        ["implementationPlan"] = "Upgrade replicas, fail over, upgrade the old primary.",
        ["rollbackPlan"] = "Fail back to the 7.0 primary.",
        ["rollbackTriggers"] = new JsonArray("Error rate exceeds 5% for 2 consecutive minutes"),
        ["preflightChecks"] = new JsonArray("Replication lag under 1 s"),
        ["postChecks"] = new JsonArray("p99 latency under 5 ms"),
    };

    private static string? FindInitial(JsonObject view, string blockId) =>
        view["blocks"]!.AsArray()
            .Select(block => block!.AsObject())
            .Where(block => block["block_id"]?.GetValue<string>() == blockId)
            .Select(block => block["element"]?["initial_value"]?.GetValue<string>())
            .FirstOrDefault();
}
