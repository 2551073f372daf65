using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Testing.Slack;
using ChangeBot.Tests.Execution;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Workflow;

/// <summary>
/// What users and pipelines do, as Slack and the API deliver it: changes filed through the API and approved with the
/// real Approve buttons (so a test starts from a change that got where it is the way a user's would), signed
/// commands, clicks, modal submits and App Home opens, and bounded waits on the store and on the stand-in.
/// </summary>
public sealed partial class WorkflowHost
{
    /// <summary>Files a change through <c>POST /api/v1/changes</c> as <see cref="WorkflowUsers.ApiRequester"/>, executed by <see cref="WorkflowUsers.ApiExecutor"/>.</summary>
    public async Task<ChangeId> FileAsync(DateTimeOffset plannedStart, string criticality = "C3", string type = "normal", string? incident = null, string? template = null, string[]? services = null)
    {
        var body = new JsonObject
        {
            ["title"] = "Upgrade Redis cluster from 7.0 to 7.2",
            ["type"] = type,
            ["criticality"] = criticality,
            ["environment"] = "production",
            ["services"] = new JsonArray([.. (services ?? ["redis-cluster-primary", "session-cache"]).Select(service => (JsonNode)service)]),
            ["risk"] = new JsonObject { ["blastRadius"] = 1, ["reversibility"] = 1, ["confidence"] = 1, ["timing"] = 1 },
            ["causesDowntime"] = false,
            ["requester"] = WorkflowUsers.ApiRequester,
            ["executor"] = WorkflowUsers.ApiExecutor,
            ["plannedStart"] = plannedStart.ToString("O", CultureInfo.InvariantCulture),
            ["estimatedDuration"] = "45m",
            ["implementationPlan"] = "Roll the new image out node by node with helm upgrade",
            ["rollbackPlan"] = "helm rollback redis-cluster, then verify the cluster re-forms",
            ["rollbackTriggers"] = new JsonArray("Error rate exceeds 5% for 2 consecutive minutes"),
            ["preflightChecks"] = new JsonArray("Replication is healthy on every node"),
            ["postChecks"] = new JsonArray("redis-cli INFO reports 7.2 on every node"),
            ["eventManager"] = "U0REV1",
            ["communicationsManager"] = "U0REV2",
            ["bridgeLink"] = "https://zoom.example.com/j/123",
            ["incidentId"] = incident,
            ["standardTemplate"] = template,
        };
        using var response = await PostApiAsync("/api/v1/changes", body);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"filing answered {(int)response.StatusCode}: {answer}");
        return ChangeId.Parse(JsonNode.Parse(answer)!["id"]!.GetValue<string>());
    }

    /// <summary>Declares an active incident through <c>POST /api/v1/incidents</c>, as an incident tool would.</summary>
    public async Task DeclareIncidentAsync(string id, string severity, string title)
    {
        using var response = await PostApiAsync("/api/v1/incidents", new JsonObject { ["id"] = id, ["severity"] = severity, ["status"] = "active", ["title"] = title });
        Assert.True(response.IsSuccessStatusCode, $"declaring {id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Presses every Approve button the change still needs, each as a different person holding the role, until it is past approval.</summary>
    public async Task<ChangeRequest> ApproveAllAsync(ChangeId id)
    {
        var reviewer = 0;
        var change = await ChangeAsync(id);
        while (change.State is ChangeState.Submitted || (change.State is ChangeState.Approved or ChangeState.Scheduled && change.ApprovalsStillNeeded().Count > 0))
        {
            var open = change.ApprovalsStillNeeded()[0];
            var user = open.Requirement.Role switch
            {
                ApproverRole.Eoc => WorkflowUsers.Eoc,
                ApproverRole.IncidentCommander => WorkflowUsers.IncidentCommander,
                ApproverRole.Vpe => WorkflowUsers.Vpe,
                ApproverRole.Admin => WorkflowUsers.Admin,
                ApproverRole.ReliabilityManager => WorkflowUsers.ReliabilityManager,
                ApproverRole.Director => WorkflowUsers.Director,
                _ => $"U0REV{++reviewer}",
            };
            var before = change.CurrentApprovals.Count();
            await ClickAsync(user, ChangeActions.For(ChangeActions.Approve, id, change.Revision, open.Requirement.Key));
            change = await EventuallyAsync(id, c => c.CurrentApprovals.Count() > before, $"{user}'s approval of {open.Requirement.Key} to count");
        }

        return change;
    }

    /// <summary>Files a change and approves it; the last approval schedules it (its planned start must be allowed).</summary>
    public async Task<ChangeId> ScheduledAsync(DateTimeOffset plannedStart, string criticality = "C3", string type = "normal", string? incident = null)
    {
        var id = await FileAsync(plannedStart, criticality, type, incident);
        var change = await ApproveAllAsync(id);
        Assert.True(change.State is ChangeState.Scheduled or ChangeState.Approved, $"{id} is {change.State} after its approvals");
        return id;
    }

    /// <summary>A signed <c>/change …</c> as <paramref name="user"/>; the ephemeral answer's text (all blocks' text joined).</summary>
    public async Task<SlackAnswer> CommandAsync(string user, string text)
    {
        using var request = Signer.Command(text, new Dictionary<string, string?>
        {
            ["user_id"] = user,
            ["user_name"] = user.ToLowerInvariant(),
            ["trigger_id"] = Slack.IssueTriggerId(),
            ["response_url"] = Slack.NewResponseUrl().ToString(),
        });
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return new SlackAnswer(body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>A signed button press in the #change message; returns the response_url its private answer goes to.</summary>
    public async Task<Uri> ClickAsync(string user, string actionId, string? value = null)
    {
        var responseUrl = Slack.NewResponseUrl();
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = SlackStandIn.TeamId },
            ["team"] = new JsonObject { ["id"] = SlackStandIn.TeamId, ["domain"] = "standin" },
            ["api_app_id"] = "A0CHANGEBOT",
            ["trigger_id"] = Slack.IssueTriggerId(),
            ["response_url"] = responseUrl.ToString(),
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1.000001", ["channel_id"] = ChangeChannel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = ChangeChannel, ["name"] = "change" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = "1.000001", ["text"] = "CR" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = ChangeMessage.ActionsBlockId,
                ["value"] = value,
                ["action_ts"] = "1.000002",
            }),
        };
        using var request = Signer.Interaction(payload.ToJsonString());
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return responseUrl;
    }

    /// <summary>A signed modal submission; returns Slack's ack body (null when empty: the modal closes).</summary>
    public async Task<JsonObject?> SubmitAsync(string user, string callbackId, string privateMetadata, IReadOnlyDictionary<string, string?> textInputs)
    {
        var values = new JsonObject();
        foreach (var (block, text) in textInputs)
        {
            values[block] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text } };
        }

        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = SlackStandIn.TeamId },
            ["team"] = new JsonObject { ["id"] = SlackStandIn.TeamId, ["domain"] = "standin" },
            ["api_app_id"] = "A0CHANGEBOT",
            ["trigger_id"] = Slack.IssueTriggerId(),
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata,
                ["hash"] = "V0MODAL.hash",
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
        using var request = Signer.Interaction(payload.ToJsonString());
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A signed <c>app_home_opened</c> event for <paramref name="user"/>.</summary>
    public async Task OpenHomeAsync(string user)
    {
        var envelope = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = SlackStandIn.TeamId,
            ["api_app_id"] = "A0CHANGEBOT",
            ["event_id"] = $"Ev{Guid.NewGuid():N}",
            ["event_time"] = Time.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = user, ["channel"] = "D0HOME", ["tab"] = "home" },
        };
        using var request = Signer.Event(envelope.ToJsonString());
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<ChangeRequest> ChangeAsync(ChangeId id)
    {
        var stored = await Services.GetRequiredService<ChangeBotStore>().GetAsync(id, CancellationToken.None);
        return stored?.Change ?? throw new InvalidOperationException($"{id} is not stored");
    }

    /// <summary>Polls the store (bounded) until <paramref name="condition"/> holds for the change: work after an ack lands a moment later.</summary>
    public async Task<ChangeRequest> EventuallyAsync(ChangeId id, Func<ChangeRequest, bool> condition, string what)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var change = await ChangeAsync(id);
            if (condition(change))
            {
                return change;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"waited {WaitLimit.TotalSeconds} s for {what}; {id} is {change.State}");
            }
        }
    }

    /// <summary>
    /// Waits (bounded, on the stand-in's call record) for a message whose text contains <paramref name="fragment"/>,
    /// in <paramref name="channel"/> (for <c>views.publish</c>: to that user).
    /// </summary>
    public async Task<RecordedSlackCall> MessageAsync(string method, string fragment, string? channel = null, bool? inThread = null)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        var seen = 0;
        while (true)
        {
            var calls = Slack.CallsTo(method);
            var match = calls.FirstOrDefault(call => call.Ok
                && (channel is null || (call.Arg("channel") ?? call.Arg("user_id")) == channel)
                && (inThread is null || (call.Arg("thread_ts") is not null) == inThread)
                && SlackAnswer.TextOf(call.Arguments).Contains(fragment, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }

            seen = calls.Count;
            try
            {
                await Slack.WaitForCallsAsync(method, seen + 1).WaitAsync(limit.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException)
            {
                throw new TimeoutException($"no {method}{(channel is null ? string.Empty : " to " + channel)} containing '{fragment}' within {WaitLimit.TotalSeconds} s; saw:\n{string.Join("\n---\n", calls.Select(c => $"{c.Arg("channel")} thread={c.Arg("thread_ts")} {c.Error}: {SlackAnswer.TextOf(c.Arguments)}"))}\noutbox:\n{await OutboxDumpAsync()}");
            }
        }
    }

    private async Task<string> OutboxDumpAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, channel, method, state, attempts, next_attempt_at, coalesce(last_error, '') FROM outbox ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        return string.Join("\n", lines) + $"\nclock {Time.GetUtcNow().ToUnixTimeMilliseconds()}";
    }
}
