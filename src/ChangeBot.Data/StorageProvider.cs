using System.ComponentModel;

namespace ChangeBot.Data;

/// <summary>Which database holds the bot's state: <c>Storage:Provider</c>.</summary>
[TypeConverter(typeof(StorageProviderConverter))]
public enum StorageProvider
{
    /// <summary>The embedded default: one file, one replica.</summary>
    Sqlite = 1,

    /// <summary>For several replicas sharing one database.</summary>
    Postgres = 2,
}
