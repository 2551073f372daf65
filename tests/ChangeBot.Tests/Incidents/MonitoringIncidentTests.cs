using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Handoff;
using ChangeBot.Features.Incidents;
using ChangeBot.Features.Monitoring;
using ChangeBot.Testing.Monitoring;
using ChangeBot.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Incidents;

/// <summary>
/// The bot against a real Prometheus and Alertmanager on loopback (the monitoring slice's harness): admission, the
/// rollback-trigger loop, the handoff pre-fill and the Alertmanager webhook. The bot's clock is fake; the servers'
/// is real, and instant queries ask for "now", so a test moves the bot's clock to make durations pass.
/// </summary>
public class MonitoringIncidentTests(MonitoringServers servers) : IClassFixture<MonitoringServers>
{
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The bot's own schedules (monitoring check, trigger loop) wait an hour, so the test drives every check and
    /// round itself: a scheduled check in flight when the fake clock jumps would time out on the jump.
    /// </summary>
    private static readonly (string, string)[] TestDriven = [("Monitoring:CheckInterval", "01:00:00")];

    [Fact]
    public async Task Gate_MonitoringUp_AllowedAndShowsStateAndLastCheck()
    {
        await using var host = await IncidentHost.StartAsync(servers, TestDriven);

        var gate = await host.GateAsync();

        Assert.True(gate["allowed"]!.GetValue<bool>(), gate.ToJsonString());
        Assert.Equal("up", gate["monitoring"]!["state"]!.GetValue<string>());
        Assert.Equal("2026-12-01T12:00:00Z", gate["monitoring"]!["lastCheckedAt"]!.GetValue<string>());
        Assert.StartsWith("Monitoring is up since", gate["monitoring"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_PrometheusStopped_NoMetricsNoChangesAndTheFailSafeTriggerForTheRollout()
    {
        await MonitoringServers.RunAsync(async own =>
        {
            await using var host = await IncidentHost.StartAsync(own, TestDriven);
            var change = await RunningChange.StartAsync(host, 921, new RollbackTrigger(
                RollbackTriggerKind.Immediate, "The target is down for 2 minutes", new MetricCondition("up{job=\"target\"}", MetricComparison.Below, 1, TimeSpan.FromMinutes(2))));
            Assert.True((await host.GateAsync())["allowed"]!.GetValue<bool>());

            own.StopPrometheus();
            await host.AdvanceAsync(Round + TimeSpan.FromSeconds(1));
            await host.Services.GetRequiredService<IMonitoringStatus>().CheckNowAsync(CancellationToken.None);
            var gate = await host.GateAsync();

            Assert.False(gate["allowed"]!.GetValue<bool>());
            Assert.Contains(AdmissionRuleIds.MonitoringDown, gate.Rules());
            Assert.Contains("no metrics, no changes", gate.ToJsonString(), StringComparison.Ordinal);
            Assert.Equal("down", gate["monitoring"]!["state"]!.GetValue<string>());
            Assert.Equal("2026-12-01T12:00:31Z", gate["monitoring"]!["since"]!.GetValue<string>());

            await RoundsAsync(host, 5);
            var id = change.Id.ToString();
            var fired = await host.WaitForThreadReplyAsync(id, "Rollback triggered: monitoring data unavailable for 1m (Prometheus could not be reached");
            Assert.Contains(WorkflowHost.ButtonsOf(fired), button => button.Text == "Roll back" && button.ActionId == ChangeActions.For(ChangeActions.Rollback, change.Id, change.Revision));
            await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowUsers.Eoc && WorkflowHost.TextOf(call).Contains("Rollback triggered: monitoring data unavailable", StringComparison.Ordinal));
            await RoundsAsync(host, 3);
            await host.OutboxDrainedAsync();
            Assert.Single(await host.ThreadAsync(id), call => WorkflowHost.TextOf(call).Contains("Rollback triggered", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task RunOnce_ErrorRateAboveItsThresholdForItsDuration_RollbackTriggeredOnceEvenAfterARestart()
    {
        const string Gauge = "checkout_error_ratio_once";
        servers.Target.Set(Gauge, 0.01);
        await servers.WaitForSampleAsync(Gauge, 0.01);
        await using var host = await IncidentHost.StartAsync(servers, TestDriven);
        var change = await RunningChange.StartAsync(host, 922, new RollbackTrigger(
            RollbackTriggerKind.Immediate, "Error rate above 5 % for 2 min", new MetricCondition(Gauge, MetricComparison.Above, 0.05, TimeSpan.FromMinutes(2))));
        var id = change.Id.ToString();
        await RoundsAsync(host, 2);

        servers.Target.Set(Gauge, 0.09);
        await servers.WaitForSampleAsync(Gauge, 0.09);
        await RoundsAsync(host, 8);

        var fired = await host.WaitForThreadReplyAsync(id, "Rollback triggered: Error rate above 5 % for 2 min, value 0.09");
        Assert.Contains("<@U0BOB> <@U0EOC>", WorkflowHost.TextOf(fired), StringComparison.Ordinal);
        await host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowUsers.Executor
            && WorkflowHost.TextOf(call).Contains("Rollback triggered: Error rate above 5 % for 2 min", StringComparison.Ordinal)
            && WorkflowHost.ButtonsOf(call).Any(button => button.Text == "Roll back"));

        // A restart forgets the watch, so the condition fires again after its duration; the audit log remembers it was announced.
        var restartedRunner = ActivatorUtilities.CreateInstance<RollbackTriggerRunner>(host.Services);
        using var restarted = ActivatorUtilities.CreateInstance<RollbackTriggerAnnouncer>(host.Services, restartedRunner);
        for (var round = 0; round < 8; round++)
        {
            await host.AdvanceAsync(Round);
            Assert.Empty(await restarted.RunOnceAsync(CancellationToken.None));
        }

        await host.OutboxDrainedAsync();
        Assert.Single(await host.ThreadAsync(id), call => WorkflowHost.TextOf(call).Contains("Rollback triggered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnce_ManualReviewTriggers_ChecklistPostedOnceInTheThread()
    {
        await using var host = await IncidentHost.StartAsync(servers, TestDriven);
        var change = await RunningChange.StartAsync(host, 923, new RollbackTrigger(RollbackTriggerKind.ManualReview, "Customers report failed payments"));

        await RoundsAsync(host, 3);

        var checklist = await host.WaitForThreadReplyAsync(change.Id.ToString(), "Rollback triggers to watch by hand");
        Assert.Contains("☐ Customers report failed payments", WorkflowHost.TextOf(checklist), StringComparison.Ordinal);
        await host.OutboxDrainedAsync();
        Assert.Single(await host.ThreadAsync(change.Id.ToString()), call => WorkflowHost.TextOf(call).Contains("by hand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandoffPrefill_SilenceCreatedThroughAlertmanager_ListedWithTheChangesAndTheIncident()
    {
        var endsAt = TimeProvider.System.GetUtcNow().AddHours(2);
        await servers.CreateSilenceAsync("alice", "deploying checkout", endsAt, ("alertname", "CheckoutErrors", false), ("env", "prod.*", true));
        await using var host = await IncidentHost.StartAsync(servers, TestDriven);
        var change = await RunningChange.StartAsync(host, 924);
        using var incident = await host.PostApiAsync("/api/v1/incidents", new { id = "INC-60", severity = "S3", status = "active", title = "Search is slow" });

        var prefill = await host.Services.GetRequiredService<IHandoffPrefillProvider>().ForChangeAsync(change, CancellationToken.None);

        var ends = endsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"{{alertname=\"CheckoutErrors\", env=~\"prod.*\"}} by alice, ends {ends} UTC: deploying checkout", prefill.AlertsSilenced, StringComparison.Ordinal);
        Assert.Contains("Active incident: INC-60 (S3) Search is slow, since 2026-12-01 12:00 UTC.", prefill.State, StringComparison.Ordinal);
        Assert.Contains($"In progress: {change.Id} {change.Title} (rolling out, <@U0BOB>).", prefill.State, StringComparison.Ordinal);
        Assert.Contains("Scheduled in the next 12 h: nothing.", prefill.State, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertmanagerWebhook_FiringCritical_BlocksAdmissionAndPausesTheRollout_ResolvedReleasesBoth()
    {
        await using var host = await IncidentHost.StartAsync(servers, TestDriven);
        var change = await RunningChange.StartAsync(host, 925);
        var id = change.Id.ToString();
        Assert.True((await host.GateAsync())["allowed"]!.GetValue<bool>());

        using var firing = await host.PostApiAsync("/api/v1/alertmanager", Webhook("firing", ("alertname", "CheckoutDown"), ("severity", "critical")));

        Assert.Equal(HttpStatusCode.OK, firing.StatusCode);
        var declared = JsonNode.Parse(await firing.Content.ReadAsStringAsync())!["incidents"]![0]!;
        Assert.Equal("AM-4f2a9c1d", declared["id"]!.GetValue<string>());
        Assert.Equal("S1", declared["severity"]!.GetValue<string>());
        Assert.Equal("alertmanager", declared["source"]!.GetValue<string>());
        Assert.Equal(id, declared["paused"]![0]!.GetValue<string>());
        var blocked = await host.GateAsync();
        Assert.False(blocked["allowed"]!.GetValue<bool>());
        Assert.Contains(AdmissionRuleIds.IncidentActive, blocked.Rules());
        await host.WaitForThreadReplyAsync(id, $"{id} is paused: incident AM-4f2a9c1d (S1) is active: Checkout is down");
        Assert.True((await RunningChange.LoadAsync(host, change.Id)).IsPaused);

        using var resolved = await host.PostApiAsync("/api/v1/alertmanager", Webhook("resolved", ("alertname", "CheckoutDown"), ("severity", "critical")));

        Assert.Equal(id, JsonNode.Parse(await resolved.Content.ReadAsStringAsync())!["incidents"]![0]!["released"]![0]!.GetValue<string>());
        Assert.True((await host.GateAsync())["allowed"]!.GetValue<bool>());
        Assert.False((await RunningChange.LoadAsync(host, change.Id)).IsPaused);
        await host.WaitForThreadReplyAsync(id, $"Incident AM-4f2a9c1d is resolved: {id} is no longer paused.");
    }

    [Fact]
    public async Task AlertmanagerWebhook_AlertWithoutASeverity_IgnoredWithTheReason()
    {
        await using var host = await IncidentHost.StartAsync(servers, TestDriven);

        using var response = await host.PostApiAsync("/api/v1/alertmanager", Webhook("firing", ("alertname", "DiskFilling")));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Empty(body["incidents"]!.AsArray());
        Assert.Equal("the alert has no \"severity\" label (Monitoring:Alertmanager:SeverityLabel)", body["ignored"]![0]!["reason"]!.GetValue<string>());
        Assert.True((await host.GateAsync())["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AlertmanagerWebhook_NotAlertmanagersFormat_400WithTheReason()
    {
        await using var host = await IncidentHost.StartAsync(servers, TestDriven);

        using var response = await host.PostApiAsync("/api/v1/alertmanager", new { version = "3", alerts = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("\"version\" must be \"4\" (Alertmanager's webhook format), not \"3\".", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    /// <summary>Moves the bot's clock one round at a time and runs the rollback-trigger round after each.</summary>
    private static async Task RoundsAsync(WorkflowHost host, int count)
    {
        var status = host.Services.GetRequiredService<IMonitoringStatus>();
        var announcer = host.Services.GetRequiredService<RollbackTriggerAnnouncer>();
        for (var round = 0; round < count; round++)
        {
            await host.AdvanceAsync(Round);
            await status.CheckNowAsync(CancellationToken.None);
            await announcer.RunOnceAsync(CancellationToken.None);
        }
    }

    /// <summary>Alertmanager's webhook body (version 4) for one alert, as its webhook receiver posts it.</summary>
    private static JsonObject Webhook(string status, params (string Name, string Value)[] labels)
    {
        var labelObject = new JsonObject();
        foreach (var (name, value) in labels)
        {
            labelObject[name] = value;
        }

        return new JsonObject
        {
            ["version"] = "4",
            ["status"] = status,
            ["receiver"] = "changebot",
            ["groupKey"] = "{}:{alertname=\"CheckoutDown\"}",
            ["truncatedAlerts"] = 0,
            ["commonLabels"] = labelObject.DeepClone(),
            ["externalURL"] = "http://alertmanager.example:9093",
            ["alerts"] = new JsonArray(new JsonObject
            {
                ["status"] = status,
                ["labels"] = labelObject,
                ["annotations"] = new JsonObject { ["summary"] = "Checkout is down" },
                ["startsAt"] = "2026-12-01T11:58:00Z",
                ["endsAt"] = status == "resolved" ? "2026-12-01T12:10:00Z" : "0001-01-01T00:00:00Z",
                ["fingerprint"] = "4f2a9c1d",
                ["generatorURL"] = "http://prometheus.example:9090/graph",
            }),
        };
    }
}
