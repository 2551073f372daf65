using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeBot.Data.Migrations;

/// <summary>Applies pending migrations when the host starts; a database newer than the code stops the start.</summary>
internal sealed class MigrationHostedService(MigrationRunner runner, Sql.ISqlDialect dialect, ILogger<MigrationHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await runner.ApplyAsync(cancellationToken);
        logger.LogInformation(
            "Storage: {Database}, schema version {Version} ({Applied} migration(s) applied now)",
            dialect.Describe(),
            runner.Known.Count,
            applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
