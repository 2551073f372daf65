using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ChangeBot.Data.Sql;

/// <summary>SQLite: a file in WAL mode, foreign keys on, writers waiting on each other rather than failing.</summary>
public sealed class SqliteDialect : ISqlDialect, IDisposable
{
    private const int SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly string _path;
    private readonly SemaphoreSlim _writers = new(1, 1);

    static SqliteDialect() => DapperConventions.Apply();

    public SqliteDialect(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string names no file: give it as 'Data Source=changebot.db'.", nameof(connectionString));
        }

        builder.ForeignKeys = true;
        builder.DefaultTimeout = (int)BusyTimeout.TotalSeconds;
        _connectionString = builder.ToString();
        _path = Path.GetFullPath(builder.DataSource);
    }

    /// <summary>How long a writer waits for another to finish before giving up.</summary>
    public static TimeSpan BusyTimeout { get; } = TimeSpan.FromSeconds(30);

    public StorageProvider Provider => StorageProvider.Sqlite;

    public string MigrationFolder => "Sqlite";

    public string Describe() => "SQLite database " + _path;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();

            // WAL lets readers run beside the one writer; FULL synchronous keeps every commit across a power cut, not
            // only across a crash of the process.
            command.CommandText = $"""
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA foreign_keys = ON;
                PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};
                """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        // SQLite has one writer at a time anyway; queueing here is fair and cheap, where the busy handler sleeps and retries.
        await _writers.WaitAsync(cancellationToken);
        DbConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken);

            // Not deferred: BEGIN IMMEDIATE takes the write lock now (another process may hold it: the busy timeout waits).
            var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
            return new WriteSession(connection, transaction, new Turn(_writers));
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _writers.Release();
            throw;
        }
    }

    public string TakeTurnsSql(WriterLane lane) => string.Empty;

    public string IsOneOf(string column, string parameter) => $"{column} IN {parameter}";

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && (sqlite.SqliteExtendedErrorCode is 1555 or 2067);

    public void Dispose() => _writers.Dispose();

    private sealed class Turn(SemaphoreSlim writers) : IDisposable
    {
        public void Dispose() => writers.Release();
    }
}
