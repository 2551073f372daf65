using ChangeBot.Data.Sql;
using Dapper;

namespace ChangeBot.Data.Audit;

/// <summary>
/// What the audit log says was already done to one change, for jobs that must act once across restarts (a rollback
/// trigger announced, a checklist posted): the audit entry is the record that it happened.
/// </summary>
public sealed class AuditActionQueries(ISqlDialect dialect)
{
    /// <summary>The <c>action</c> audit entries recorded for <paramref name="changeId"/>, as their details JSON, oldest first.</summary>
    public async Task<IReadOnlyList<string>> DetailsAsync(string changeId, string action, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT details FROM audit_log WHERE change_id = @ChangeId AND action = @Action ORDER BY seq
            """,
            new { ChangeId = changeId, Action = action },
            cancellationToken: cancellationToken));
        return [.. rows];
    }
}
