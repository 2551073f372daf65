using System.Data.Common;

namespace ChangeBot.Data.Sql;

/// <summary>
/// Everything that differs between SQLite and PostgreSQL. The repositories' SQL is written once, in the subset both
/// understand (<c>INSERT … ON CONFLICT … RETURNING</c>, integer milliseconds for instants, text for JSON); what is left
/// over lives here.
/// </summary>
public interface ISqlDialect
{
    StorageProvider Provider { get; }

    /// <summary>The folder of numbered migration scripts written for this database.</summary>
    string MigrationFolder { get; }

    /// <summary>A human-readable name of the database for messages (a file path or host/database), never a password.</summary>
    string Describe();

    /// <summary>An open connection, set up the way every statement expects (SQLite: foreign keys, busy timeout).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A connection with a transaction for writing. On SQLite the writers of this process queue up in memory first and
    /// then take the file's write lock at once (<c>BEGIN IMMEDIATE</c>): a read-then-write never fails halfway on a lock
    /// upgrade, and waiting writers do not poll the busy handler.
    /// </summary>
    Task<WriteSession> BeginWriteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// SQL that makes the writers of the audit chain (and of the migrations) take turns until commit. Empty on SQLite,
    /// where a write transaction already excludes every other writer.
    /// </summary>
    string TakeTurnsSql(WriterLane lane);

    /// <summary>
    /// "<paramref name="column"/> is one of the list <paramref name="parameter"/>": Dapper expands a list into
    /// <c>IN (…)</c> for SQLite but sends PostgreSQL a real array, compared with <c>= ANY (…)</c>.
    /// </summary>
    string IsOneOf(string column, string parameter);

    /// <summary>Whether the exception says a unique or primary key was violated.</summary>
    bool IsUniqueViolation(Exception exception);
}
