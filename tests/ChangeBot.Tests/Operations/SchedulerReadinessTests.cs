using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Features.Operations;
using ChangeBot.Testing.Data;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChangeBot.Tests.Operations;

/// <summary>
/// /readyz names the scheduler. (Shutting Quartz down inside a test is not done here: Quartz keeps schedulers in a
/// process-wide repository by name, so it would stop the scheduler of every host running in parallel.)
/// </summary>
public sealed class SchedulerReadinessTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Fact]
    public async Task Readyz_SchedulerRunning_HealthyPart()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite, migrate: false);
        await using var app = Host(db);
        using var client = app.CreateClient();

        var (status, body) = await ReadyzAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["checks"]!["scheduler"]!["status"]!.ToString());
    }

    private static WebApplicationFactory<Program> Host(TestStore db) =>
        OperationsHost.Create(slack: null, settings: new Dictionary<string, string>
        {
            ["Storage:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:ChangeBot"] = db.ConnectionString,
        });

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadyzAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(OperationsEndpointExtensions.ReadinessPath, UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
