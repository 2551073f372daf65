using ChangeBot.Features.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Monitoring;

/// <summary>The monitoring slice wired as the host wires it (<c>AddMonitoring</c>), over in-memory configuration.</summary>
internal static class MonitoringServices
{
    public static ServiceProvider Build(Uri? prometheus, Uri? alertmanager, TimeProvider time, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Monitoring:Prometheus:Url"] = prometheus?.ToString(),
            ["Monitoring:Alertmanager:Url"] = alertmanager?.ToString(),
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(time);
        services.AddMonitoring();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
