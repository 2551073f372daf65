using System.Text.Json.Nodes;
using ChangeBot.Data.Outbox;
using ChangeBot.Testing.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Incidents;

/// <summary>The whole bot (see <see cref="WorkflowHost"/>) pointed at real Prometheus and Alertmanager servers, or at none.</summary>
internal static class IncidentHost
{
    public static async Task<WorkflowHost> StartAsync(MonitoringServers? servers, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Monitoring:Prometheus:Url"] = servers?.PrometheusUrl.ToString(),
            ["Monitoring:Alertmanager:Url"] = servers?.AlertmanagerUrl.ToString(),
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var host = await WorkflowHost.StartAsync(all);
        // Posting to a user id opens the DM with the bot; the stand-in knows those conversations only when told.
        foreach (var user in WorkflowUsers.People)
        {
            host.Slack.AddChannel(user);
        }

        return host;
    }

    /// <summary>Asks the gate whether a low-risk standard change may start now.</summary>
    public static async Task<JsonObject> GateAsync(this WorkflowHost host)
    {
        using var response = await host.GetApiAsync("/api/v1/gate?type=standard&criticality=C4&duration=30m&services=payments");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static IReadOnlyList<string> Rules(this JsonObject gate, string list = "reasons") =>
        [.. gate[list]!.AsArray().Select(reason => reason!["rule"]!.GetValue<string>())];

    /// <summary>
    /// Waits (bounded) until the outbox has delivered everything, then moves the fake clock: a Slack call still in
    /// flight would otherwise time out on the jump and wait for its retry on the fake clock.
    /// </summary>
    public static async Task AdvanceAsync(this WorkflowHost host, TimeSpan by)
    {
        await host.OutboxDrainedAsync();
        host.Time.Advance(by);
    }

    public static async Task OutboxDrainedAsync(this WorkflowHost host)
    {
        var outbox = host.Services.GetRequiredService<OutboxStore>();
        await Eventually.UntilAsync(
            async () => (await outbox.CountAsync(CancellationToken.None)).GetValueOrDefault(OutboxState.Pending),
            pending => pending == 0,
            "the outbox to deliver everything");
    }

    /// <summary>Direct messages the bot sent <paramref name="user"/> so far.</summary>
    public static IReadOnlyList<string> DirectMessages(this WorkflowHost host, string user) =>
        [.. host.Slack.CallsTo("chat.postMessage").Where(call => call.Arg("channel") == user).Select(WorkflowHost.TextOf)];
}
