using System.Data.Common;
using System.Globalization;
using ChangeBot.Data.Migrations;
using ChangeBot.Data.Sql;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeBot.Features.Operations;

/// <summary>
/// Ready when the database answers and has every migration this binary knows. One it lacks (an older copy restored
/// under a running bot, a table dropped by hand) is unready; versions from a newer changebot are degraded, not
/// unready: during a rolling upgrade the new replicas migrate first, and the old ones keep serving until replaced.
/// </summary>
internal sealed class DatabaseReadinessCheck(ISqlDialect dialect, MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        SchemaStatus status;
        try
        {
            status = await migrations.StatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            // The driver's message names the file or host and the reason, never the password.
            return HealthCheckResult.Unhealthy($"the {dialect.Describe()} does not answer: {e.Message}");
        }

        if (status.Missing.Count > 0)
        {
            var missing = string.Join(", ", status.Missing.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Version:0000}_{m.Name}")));
            return HealthCheckResult.Unhealthy($"the {dialect.Describe()} lacks migration(s) {missing}: restart the bot to apply them");
        }

        if (status.Unknown.Count > 0)
        {
            return HealthCheckResult.Degraded(string.Create(
                CultureInfo.InvariantCulture,
                $"the {dialect.Describe()} is at schema version {status.Unknown[^1]}, newer than this changebot's {status.Expected}: a newer replica migrated it; upgrade this one"));
        }

        return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"the {dialect.Describe()} answers, at schema version {status.Expected} (every migration applied)"));
    }
}
