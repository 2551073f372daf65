using Dapper;

namespace ChangeBot.Data.Sql;

/// <summary>Dapper maps snake_case columns to PascalCase properties; set once, before any query runs.</summary>
internal static class DapperConventions
{
    public static void Apply() => DefaultTypeMap.MatchNamesWithUnderscores = true;
}
