using System.Diagnostics;
using System.Globalization;
using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Migrations;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ChangeBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/ChangeBot.Benchmarks -- store-load [sqlite|postgres] [count] [writers]</c>:
/// files change requests the way intake does (number, insert, one audit entry, three outbox messages, one
/// transaction each) and prints how many per second the store commits. PostgreSQL comes from CHANGEBOT_TEST_POSTGRES.
/// </summary>
internal static class StoreLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = args.Length > 0 && args[0].Equals("postgres", StringComparison.OrdinalIgnoreCase) ? StorageProvider.Postgres : StorageProvider.Sqlite;
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var writers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var (connectionString, cleanup) = await PrepareAsync(provider);
        try
        {
            var clock = new FakeTimeProvider(ContentBuilder.Now);
            var dialect = DataServiceCollectionExtensions.CreateDialect(provider, connectionString);
            await new MigrationRunner(dialect, clock).ApplyAsync(CancellationToken.None);
            var store = new ChangeBotStore(dialect, clock, Options.Create(new StorageOptions { Provider = provider }));
            await FileAsync(store, 20);

            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => FileAsync(store, count / writers))));
            watch.Stop();
            var written = count / writers * writers;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{provider}: {written} change requests (each with 1 audit entry and 3 outbox messages) by {writers} writer(s) in {watch.Elapsed.TotalSeconds:F2} s = {written / watch.Elapsed.TotalSeconds:F0} CRs/s"));
            (dialect as IDisposable)?.Dispose();
            return 0;
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task FileAsync(ChangeBotStore store, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var id = await store.NextChangeIdAsync(2026, CancellationToken.None);
            var change = ChangeRequest.File(id, ContentBuilder.Requester, ContentBuilder.Normal(), ChangeRules.Default, false, ContentBuilder.Now);
            await store.WriteAsync(
                async (unit, token) =>
                {
                    await unit.Changes.InsertAsync(change, token);
                    unit.Audit(AuditEntry.Of(change.Requester, ActorSource.Slack, "change.filed", id, new { change.Title }));
                    unit.Enqueue(OutboxMessage.Post("C0CHANGE", $$"""{"text":"{{id}} filed"}""", $"{id}/change"));
                    unit.Enqueue(OutboxMessage.Post("C0CHANGE", """{"text":"reviewers, please approve"}""", threadKey: $"{id}/change"));
                    unit.Enqueue(OutboxMessage.Post(change.Executor, $$"""{"text":"You execute {{id}}"}"""));
                    return id;
                },
                CancellationToken.None);
        }
    }

    private static async Task<(string ConnectionString, Func<Task> Cleanup)> PrepareAsync(StorageProvider provider)
    {
        if (provider == StorageProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"changebot-load-{Guid.NewGuid():N}.db");
            return ($"Data Source={path}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }

                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable("CHANGEBOT_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set CHANGEBOT_TEST_POSTGRES (source .ci/pg && pg_start) to load PostgreSQL.");
        var schema = $"load_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        return (new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString(), () => ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
