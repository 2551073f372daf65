using ChangeBot.Data;
using Microsoft.Data.Sqlite;

namespace ChangeBot.Testing.Data;

/// <summary>A temporary SQLite file per test, deleted (with its WAL) when the test's store is disposed.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override Task<TestStore> CreateAsync(bool migrate = true)
    {
        var path = Path.Combine(Path.GetTempPath(), $"changebot-test-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        return TestStore.CreateAsync(Provider, connectionString, migrate, () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            return Task.CompletedTask;
        });
    }
}
