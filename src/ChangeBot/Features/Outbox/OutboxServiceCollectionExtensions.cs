namespace ChangeBot.Features.Outbox;

/// <summary>The outbox delivery slice: the worker, its Slack port and options.</summary>
internal static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<ISlackOutboxSender, HttpSlackOutboxSender>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxDeliveryWorker>();
        return services;
    }
}
