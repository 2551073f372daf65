using ChangeBot.Data.Sql;
using ChangeBot.Domain.Changes;
using Dapper;

namespace ChangeBot.Features.Scheduling;

/// <summary>Whether a change request has its handoff note, read at the moment its reminder is due.</summary>
public sealed class HandoffNotes(ISqlDialect dialect)
{
    public async Task<bool> WrittenForAsync(ChangeId id, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM handoff_notes WHERE change_id = @Id",
            new { Id = id.ToString() },
            cancellationToken: cancellationToken));
        return count > 0;
    }
}
