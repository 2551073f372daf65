using ChangeBot.Data;
using Npgsql;

namespace ChangeBot.Testing.Data;

/// <summary>
/// A database of its own per test class on the PostgreSQL named by <c>CHANGEBOT_TEST_POSTGRES</c>, and a schema of
/// its own per test. Without the variable every PostgreSQL test fails and says how to start one: CI always sets it,
/// so a silent skip would only hide a missing database.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "CHANGEBOT_TEST_POSTGRES";

    private readonly string _database = $"changebot_test_{Guid.NewGuid():N}";
    private string? _server;

    public override StorageProvider Provider => StorageProvider.Postgres;

    /// <summary>The connection string of this class's database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests cannot run (they fail rather than skip). Start a throw-away PostgreSQL 15 with `source .ci/pg && pg_start` (or run .ci/run), or point {Variable} at one: \"Host=127.0.0.1;Port=5432;Username=…;Database=postgres\".");
        }

        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await command.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ToString();
    }

    public override async Task<TestStore> CreateAsync(bool migrate = true)
    {
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ToString();
        return await TestStore.CreateAsync(Provider, connectionString, migrate, () => Task.CompletedTask);
    }

    public override async Task DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(_server) || ConnectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
