using System.Reflection;
using ChangeBot.Data;
using Xunit.Sdk;

namespace ChangeBot.Testing.Data;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL: its first parameter is the <see cref="StorageProvider"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
    [
        [StorageProvider.Sqlite],
        [StorageProvider.Postgres],
    ];
}
