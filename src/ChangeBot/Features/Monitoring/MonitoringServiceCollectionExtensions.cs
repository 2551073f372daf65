using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// The monitoring slice: options (<c>Monitoring</c>), the Prometheus and Alertmanager clients, the monitoring gate
    /// (<see cref="IMonitoringStatus"/>, checked on a schedule), the rollback-trigger runner and the webhook reader.
    /// </summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddOptions<MonitoringOptions>()
            .BindConfiguration(MonitoringOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(PrometheusClient.HttpClientName, (provider, http) => Configure(http, provider.GetRequiredService<IOptions<MonitoringOptions>>().Value.Prometheus.Url));
        services.AddHttpClient(AlertmanagerClient.HttpClientName, (provider, http) => Configure(http, provider.GetRequiredService<IOptions<MonitoringOptions>>().Value.Alertmanager.Url));
        services.AddSingleton<PrometheusClient>();
        services.AddSingleton<AlertmanagerClient>();
        services.AddSingleton<MonitoringStatusService>();
        services.AddSingleton<IMonitoringStatus>(provider => provider.GetRequiredService<MonitoringStatusService>());
        services.AddSingleton<RollbackTriggerRunner>();
        services.AddSingleton<AlertmanagerWebhookReader>();
        services.AddHostedService<MonitoringCheckWorker>();
        return services;
    }

    private static void Configure(HttpClient http, string? url)
    {
        // Our own timeout (Monitoring:Timeout, on the injected clock) decides; HttpClient's 100 s default must not.
        http.Timeout = Timeout.InfiniteTimeSpan;
        if (!string.IsNullOrWhiteSpace(url))
        {
            http.BaseAddress = MonitoringUrl.BaseAddress(url);
        }
    }
}
