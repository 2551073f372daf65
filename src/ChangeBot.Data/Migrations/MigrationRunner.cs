using System.Globalization;
using System.Reflection;
using ChangeBot.Data.Sql;
using Dapper;

namespace ChangeBot.Data.Migrations;

/// <summary>
/// Applies the numbered scripts of the dialect's folder that the database has not seen, in order, in one transaction,
/// and records each in <c>schema_migrations</c>. Running it again changes nothing; a database that has seen a newer
/// script than this code knows is refused.
/// </summary>
public sealed class MigrationRunner(ISqlDialect dialect, TimeProvider clock)
{
    private const string ResourcePrefix = "ChangeBot.Data.Migrations/";

    public IReadOnlyList<Migration> Known { get; } = Load(dialect.MigrationFolder);

    /// <summary>Brings the schema up to date and returns the versions it applied (none when already current).</summary>
    public async Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var session = await dialect.BeginWriteAsync(cancellationToken);
        var (connection, transaction) = (session.Connection, session.Transaction);
        var turns = dialect.TakeTurnsSql(WriterLane.Migrations);
        if (turns.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(turns, transaction: transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at BIGINT NOT NULL
            )
            """,
            transaction: transaction,
            cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations",
            transaction: transaction,
            cancellationToken: cancellationToken))).Select(version => (int)version).ToHashSet();

        var newest = Known.Count == 0 ? 0 : Known[^1].Version;
        var unknown = applied.Where(version => version > newest).OrderBy(version => version).ToList();
        if (unknown.Count > 0)
        {
            throw new SchemaTooNewException(string.Create(
                CultureInfo.InvariantCulture,
                $"The {dialect.Describe()} is at schema version {unknown[^1]}, but this changebot knows versions up to {newest} only: it was migrated by a newer changebot. Run that version (or newer) against it; this one refuses to start rather than misread it."));
        }

        var done = new List<int>();
        foreach (var migration in Known.Where(migration => !applied.Contains(migration.Version)))
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction,
                cancellationToken: cancellationToken));
            done.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    /// <summary>
    /// Reads which versions the database has applied, without changing anything (for readiness: another replica may
    /// have migrated the database further since this one started, or someone may have restored an older copy).
    /// </summary>
    public async Task<SchemaStatus> StatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var applied = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations",
            cancellationToken: cancellationToken))).Select(version => (int)version).ToHashSet();
        var newest = Known[^1].Version;
        return new SchemaStatus(
            newest,
            [.. Known.Where(migration => !applied.Contains(migration.Version))],
            [.. applied.Where(version => version > newest).Order()]);
    }

    private static List<Migration> Load(string folder)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = ResourcePrefix + folder + "/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore < 1 || !int.TryParse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
            }

            migrations.Add(new Migration(version, file[(underscore + 1)..], Read(assembly, resource)));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException($"No {folder} migrations are embedded in {assembly.GetName().Name}.");
        }

        migrations.Sort((left, right) => left.Version.CompareTo(right.Version));
        for (var index = 0; index < migrations.Count; index++)
        {
            if (migrations[index].Version != index + 1)
            {
                throw new InvalidOperationException($"The {folder} migrations skip or repeat a number at '{migrations[index].Name}': they must be numbered 1, 2, 3…");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
