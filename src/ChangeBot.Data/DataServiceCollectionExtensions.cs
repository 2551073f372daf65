using ChangeBot.Data.Audit;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Deliveries;
using ChangeBot.Data.Migrations;
using ChangeBot.Data.Operations;
using ChangeBot.Data.Outbox;
using ChangeBot.Data.Sql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeBot.Data;

/// <summary>The data layer's one registration: the store for <c>Storage:Provider</c>, migrated at start-up.</summary>
public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "ChangeBot";

    public static IServiceCollection AddChangeBotData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISqlDialect>(provider => CreateDialect(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider,
            configuration.GetConnectionString(ConnectionStringName)));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<ChangeBotStore>();
        services.AddSingleton<ChangeRequestQueries>();
        services.AddSingleton<OperationsQueries>();
        services.AddSingleton<AuditLogReader>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<DeliveryClaims>();

        // Registered before the features' hosted services, so the schema is current before any of them runs.
        services.AddHostedService<MigrationHostedService>();
        return services;
    }

    /// <summary>The dialect for a provider; a blank connection string means <c>changebot.db</c> in the working directory (SQLite only).</summary>
    public static ISqlDialect CreateDialect(StorageProvider provider, string? connectionString) => provider switch
    {
        StorageProvider.Sqlite => new SqliteDialect(string.IsNullOrWhiteSpace(connectionString) ? StorageOptions.DefaultSqliteConnectionString : connectionString),
        StorageProvider.Postgres => string.IsNullOrWhiteSpace(connectionString)
            ? throw new OptionsValidationException(
                StorageOptions.Section,
                typeof(StorageOptions),
                ["Storage:Provider is Postgres but ConnectionStrings:ChangeBot is empty: set it (e.g. env ConnectionStrings__ChangeBot=\"Host=…;Database=changebot;Username=…\")."])
            : new PostgresDialect(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Storage:Provider is Sqlite or Postgres."),
    };
}
