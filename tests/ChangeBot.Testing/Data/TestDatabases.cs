using ChangeBot.Data;
using Xunit;

namespace ChangeBot.Testing.Data;

/// <summary>
/// Both databases for a test class (use it as a class fixture and <see cref="BothDatabasesAttribute"/> on each
/// theory). PostgreSQL is set up on first use, so with <c>CHANGEBOT_TEST_POSTGRES</c> unset the PostgreSQL cases fail
/// with the reason and the SQLite cases still run.
/// </summary>
public sealed class TestDatabases : IAsyncLifetime, IDisposable
{
    private readonly SqliteTestDatabase _sqlite = new();
    private readonly PostgresTestDatabase _postgres = new();
    private readonly SemaphoreSlim _postgresReady = new(1, 1);
    private bool _postgresInitialised;

    public async Task<TestStore> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        if (provider == StorageProvider.Sqlite)
        {
            return await _sqlite.CreateAsync(migrate);
        }

        await _postgresReady.WaitAsync();
        try
        {
            if (!_postgresInitialised)
            {
                await _postgres.InitializeAsync();
                _postgresInitialised = true;
            }
        }
        finally
        {
            _postgresReady.Release();
        }

        return await _postgres.CreateAsync(migrate);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_postgresInitialised)
        {
            await _postgres.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _postgresReady.Dispose();
}
