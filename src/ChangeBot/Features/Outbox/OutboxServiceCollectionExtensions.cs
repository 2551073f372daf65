using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox worker over the Slack Web API client: delivers what the use cases enqueue.</summary>
    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<SlackOutboxSender>();
        services.TryAddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return services;
    }
}
