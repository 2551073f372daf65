using ChangeBot.Data;
using Xunit;

namespace ChangeBot.Testing.Data;

/// <summary>
/// A real database for data tests, shared by one test class (xunit class fixture). Each test asks it for a fresh,
/// empty <see cref="TestStore"/>: a new SQLite file, or a new schema in the class's own PostgreSQL database.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    public abstract StorageProvider Provider { get; }

    /// <summary>A fresh, empty database, migrated unless <paramref name="migrate"/> is false.</summary>
    public abstract Task<TestStore> CreateAsync(bool migrate = true);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
