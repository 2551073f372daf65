using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Testing.Data;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Incidents;

/// <summary>
/// Identical Alertmanager notifications arriving at the same instant (a retried webhook, both members of an HA pair)
/// declare and resolve the incident once: one announcement, one resolution, however many copies race.
/// </summary>
public sealed class AlertmanagerDuplicateTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const int Copies = 8;

    [Theory]
    [BothDatabases]
    public async Task AlertmanagerWebhook_IdenticalCopiesAtOnce_DeclaredOnceAndResolvedOnce(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider, migrate: false);
        await using var host = await WorkflowHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:ChangeBot"] = db.ConnectionString,
        });

        var firing = await PostAllAsync(host, "firing");
        var resolved = await PostAllAsync(host, "resolved");

        Assert.All(firing.Concat(resolved), answer => Assert.Equal("AM-7c3e", answer["incidents"]![0]!["id"]!.GetValue<string>()));
        await host.WaitForAsync("chat.postMessage", call => WorkflowHost.TextOf(call).Contains("Incident AM-7c3e (S1) resolved", StringComparison.Ordinal));
        await host.OutboxDrainedAsync();
        var posts = host.Slack.CallsTo("chat.postMessage").Select(WorkflowHost.TextOf).ToList();
        Assert.Single(posts, text => text.Contains("Incident AM-7c3e (S1) declared", StringComparison.Ordinal));
        Assert.Single(posts, text => text.Contains("Incident AM-7c3e (S1) resolved", StringComparison.Ordinal));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'incident.declared'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'incident.resolved'"));
    }

    private static async Task<JsonNode[]> PostAllAsync(WorkflowHost host, string status) =>
        await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => Task.Run(async () =>
        {
            using var response = await host.PostApiAsync("/api/v1/alertmanager", Webhook(status));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{status} copy answered {(int)response.StatusCode}: {body}");
            return JsonNode.Parse(body)!;
        })));

    /// <summary>One critical alert, as Alertmanager's webhook receiver (version 4) posts it.</summary>
    private static JsonObject Webhook(string status)
    {
        var labels = new JsonObject { ["alertname"] = "PaymentsDown", ["severity"] = "critical" };
        return new JsonObject
        {
            ["version"] = "4",
            ["status"] = status,
            ["receiver"] = "changebot",
            ["groupKey"] = "{}:{alertname=\"PaymentsDown\"}",
            ["truncatedAlerts"] = 0,
            ["commonLabels"] = labels.DeepClone(),
            ["externalURL"] = "http://alertmanager.example:9093",
            ["alerts"] = new JsonArray(new JsonObject
            {
                ["status"] = status,
                ["labels"] = labels,
                ["annotations"] = new JsonObject { ["summary"] = "Payments are down" },
                ["startsAt"] = "2026-12-01T11:58:00Z",
                ["endsAt"] = status == "resolved" ? "2026-12-01T12:10:00Z" : "0001-01-01T00:00:00Z",
                ["fingerprint"] = "7c3e",
                ["generatorURL"] = "http://prometheus.example:9090/graph",
            }),
        };
    }
}
