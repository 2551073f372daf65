using System.ComponentModel.DataAnnotations;

namespace ChangeBot.Data;

/// <summary>The <c>Storage</c> section. The connection string itself is <c>ConnectionStrings:ChangeBot</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string DefaultSqliteConnectionString = "Data Source=changebot.db";

    [EnumDataType(typeof(StorageProvider), ErrorMessage = "Storage:Provider must be Sqlite or Postgres.")]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>How many times a use case is re-run when another writer changed the same change request first.</summary>
    [Range(1, 1000)]
    public int ConflictRetries { get; set; } = 100;
}
