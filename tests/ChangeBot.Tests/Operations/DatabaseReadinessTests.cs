using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Data.Migrations;
using ChangeBot.Data.Sql;
using ChangeBot.Features.Operations;
using ChangeBot.Testing.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeBot.Tests.Operations;

public sealed class DatabaseReadinessTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static WebApplicationFactory<Program> Host(TestStore db) =>
        OperationsHost.Create(slack: null, settings: new Dictionary<string, string>
        {
            ["Storage:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:ChangeBot"] = db.ConnectionString,
        });

    private static string Database(JsonObject body) => Readyz.Description(body, ReadinessChecks.Database);

    [Theory]
    [BothDatabases]
    public async Task Readyz_DatabaseMigratedAtStart_ReadyNamingTheSchemaVersion(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider, migrate: false);
        await using var app = Host(db);
        using var client = app.CreateClient();

        var (status, body) = await Readyz.OnceSchedulerRunsAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", Readyz.Part(body, ReadinessChecks.Database)["status"]!.ToString());
        Assert.Equal($"the {db.Dialect.Describe()} answers, at schema version {db.Migrations().Known.Count} (every migration applied)", Database(body));
    }

    [Theory]
    [BothDatabases]
    public async Task Readyz_AMigrationGoneAfterStart_503NamingTheDatabaseAndTheMigration(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var app = Host(db);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Readyz.OnceSchedulerRunsAsync(client)).Status);
        var last = db.Migrations().Known[^1];

        // An older copy of the database restored under the running bot.
        await db.ExecuteAsync("DELETE FROM schema_migrations WHERE version = @Version", new { last.Version });
        var (status, body) = await Readyz.GetAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["database"], Readyz.Failing(body));
        Assert.Equal($"the {db.Dialect.Describe()} lacks migration(s) {last.Version:0000}_{last.Name}: restart the bot to apply them", Database(body));
    }

    [Fact]
    public async Task Readyz_ANewerReplicaMigratedTheDatabaseFurther_DegradedButStillReady()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var app = Host(db);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Readyz.OnceSchedulerRunsAsync(client)).Status);
        var known = db.Migrations().Known.Count;

        await db.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, 'from_the_future', 0)", new { Version = known + 1 });
        var (status, body) = await Readyz.GetAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", Readyz.Part(body, ReadinessChecks.Database)["status"]!.ToString());
        Assert.Equal($"the {db.Dialect.Describe()} is at schema version {known + 1}, newer than this changebot's {known}: a newer replica migrated it; upgrade this one", Database(body));
    }

    [Fact]
    public async Task CheckHealth_SqliteFileCannotBeOpened_UnhealthySayingWhichAndWhy()
    {
        var path = Path.Combine(Path.GetTempPath(), "changebot-no-such-dir-" + Guid.NewGuid().ToString("N"), "changebot.db");
        using var dialect = new SqliteDialect($"Data Source={path}");
        var check = new DatabaseReadinessCheck(dialect, new MigrationRunner(dialect, TimeProvider.System));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith($"the SQLite database {path} does not answer: ", result.Description, StringComparison.Ordinal);
        Assert.Contains("unable to open database file", result.Description, StringComparison.Ordinal);
    }
}
