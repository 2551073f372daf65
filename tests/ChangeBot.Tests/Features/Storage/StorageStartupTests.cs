using System.Net;
using ChangeBot.Data;
using ChangeBot.Data.Migrations;
using ChangeBot.Testing.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChangeBot.Tests.Features.Storage;

public class StorageStartupTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [BothDatabases]
    public async Task Start_OnAnEmptyDatabase_AppliesTheMigrationsAndServes(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider, migrate: false);
        await using var factory = Host(db);

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(db.Migrations().Known.Count, await db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Theory]
    [BothDatabases]
    public async Task Start_OnADatabaseFromANewerChangebot_RefusesToStart(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (42, 'newer', 0)");
        await using var factory = Host(db);

        var error = Assert.Throws<SchemaTooNewException>(() => factory.CreateClient());

        Assert.Contains("is at schema version 42", error.Message, StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> Host(TestStore db) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("Storage:Provider", db.Provider.ToString())
            .UseSetting("ConnectionStrings:ChangeBot", db.ConnectionString));
}
