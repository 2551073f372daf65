using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Migrations;
using ChangeBot.Data.Outbox;
using ChangeBot.Data.Sql;
using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Testing.Data;

/// <summary>One test's database and everything built on it, with a fake clock at <see cref="Start"/>.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;
    private readonly List<ISqlDialect> _dialects = [];

    private TestStore(StorageProvider provider, string connectionString, Func<Task> cleanup)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _cleanup = cleanup;
        Dialect = NewPool();
        Store = StoreOn(Dialect);
        Queries = new ChangeRequestQueries(Dialect);
        Audit = new AuditLogReader(Dialect);
        Outbox = new OutboxStore(Dialect);
    }

    /// <summary>Tuesday 3 March 2026, 10:00 UTC, as in the domain tests.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public ISqlDialect Dialect { get; }

    public ChangeBotStore Store { get; }

    public ChangeRequestQueries Queries { get; }

    public AuditLogReader Audit { get; }

    public OutboxStore Outbox { get; }

    internal static async Task<TestStore> CreateAsync(StorageProvider provider, string connectionString, bool migrate, Func<Task> cleanup)
    {
        var store = new TestStore(provider, connectionString, cleanup);
        if (migrate)
        {
            await store.Migrations().ApplyAsync(CancellationToken.None);
        }

        return store;
    }

    /// <summary>
    /// A dialect with a connection pool of its own, as a second replica of the bot would have (on PostgreSQL the
    /// application name differs, so Npgsql keeps a separate pool).
    /// </summary>
    public ISqlDialect NewPool(string replica = "replica-1")
    {
        var connectionString = Provider == StorageProvider.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = "changebot-" + replica }.ToString()
            : ConnectionString;
        var dialect = DataServiceCollectionExtensions.CreateDialect(Provider, connectionString);
        _dialects.Add(dialect);
        return dialect;
    }

    public ChangeBotStore StoreOn(ISqlDialect dialect) =>
        new(dialect, Clock, Options.Create(new StorageOptions { Provider = Provider }));

    public MigrationRunner Migrations() => new(Dialect, Clock);

    /// <summary>Runs raw SQL, as someone with database access (tampering, checking rows) would.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Dialect.OpenAsync(CancellationToken.None);
        return await connection.ExecuteAsync(sql, parameters);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await Dialect.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dialect in _dialects)
        {
            (dialect as IDisposable)?.Dispose();
        }

        await _cleanup();
    }
}
