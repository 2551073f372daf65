using ChangeBot.Data.Migrations;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

public class MigrationTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [BothDatabases]
    public async Task Apply_FreshDatabase_AppliesEveryMigrationAndRecordsIt(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider, migrate: false);
        var runner = db.Migrations();

        var applied = await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(runner.Known.Select(m => m.Version), applied);
        Assert.Equal(runner.Known.Count, await db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM change_requests"));
    }

    [Theory]
    [BothDatabases]
    public async Task Apply_AlreadyCurrent_ChangesNothing(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);

        var applied = await db.Migrations().ApplyAsync(CancellationToken.None);

        Assert.Empty(applied);
        Assert.Equal(db.Migrations().Known.Count, await db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Theory]
    [BothDatabases]
    public async Task Apply_TwoReplicasStartingAtOnce_MigrateOnceAndBothStart(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider, migrate: false);
        var replicas = Enumerable.Range(1, 4).Select(n => new MigrationRunner(db.NewPool($"replica-{n}"), db.Clock)).ToList();

        var results = await Task.WhenAll(replicas.Select(runner => runner.ApplyAsync(CancellationToken.None)));

        Assert.Single(results, applied => applied.Count > 0);
        Assert.Equal(replicas[0].Known.Count, await db.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"));
    }

    [Theory]
    [BothDatabases]
    public async Task Apply_DatabaseMigratedByNewerCode_RefusesToStartAndSaysWhy(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await db.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from_the_future', 0)");

        var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => db.Migrations().ApplyAsync(CancellationToken.None));

        Assert.Contains("is at schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"knows versions up to {db.Migrations().Known.Count} only", error.Message, StringComparison.Ordinal);
        Assert.Contains("refuses to start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_Sqlite_UsesWalAndForeignKeys()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);

        Assert.Equal("wal", await db.ScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await db.ScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.True(await db.ScalarAsync<long>("PRAGMA busy_timeout") >= 1000);
    }
}
