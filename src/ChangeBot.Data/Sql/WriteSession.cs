using System.Data.Common;

namespace ChangeBot.Data.Sql;

/// <summary>
/// An open connection with a write transaction, and the writer's turn where the dialect keeps one (SQLite). Disposing
/// it rolls back what was not committed and gives the turn to the next writer.
/// </summary>
public sealed class WriteSession : IAsyncDisposable
{
    private readonly IDisposable? _turn;

    internal WriteSession(DbConnection connection, DbTransaction transaction, IDisposable? turn)
    {
        Connection = connection;
        Transaction = transaction;
        _turn = turn;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
        _turn?.Dispose();
    }
}
