using System.Data.Common;
using Npgsql;

namespace ChangeBot.Data.Sql;

/// <summary>PostgreSQL: shared by several replicas; they take turns through transaction-scoped advisory locks.</summary>
public sealed class PostgresDialect : ISqlDialect, IDisposable
{
    // Arbitrary but fixed keys: every replica must use the same ones.
    private const long MigrationsLockKey = 0x4342_0001;
    private const long AuditChainLockKey = 0x4342_0002;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _description;

    static PostgresDialect() => DapperConventions.Apply();

    public PostgresDialect(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _description = $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public StorageProvider Provider => StorageProvider.Postgres;

    public string MigrationFolder => "Postgres";

    public string Describe() => _description;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            return new WriteSession(connection, await connection.BeginTransactionAsync(cancellationToken), null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public string TakeTurnsSql(WriterLane lane) => lane switch
    {
        WriterLane.Migrations => $"SELECT pg_advisory_xact_lock({MigrationsLockKey})",
        WriterLane.AuditChain => $"SELECT pg_advisory_xact_lock({AuditChainLockKey})",
        _ => throw new ArgumentOutOfRangeException(nameof(lane), lane, "Unknown writer lane."),
    };

    public string IsOneOf(string column, string parameter) => $"{column} = ANY ({parameter})";

    public bool IsUniqueViolation(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public void Dispose() => _dataSource.Dispose();
}
