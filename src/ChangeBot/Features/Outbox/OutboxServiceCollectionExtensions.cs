using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Outbox;

/// <summary>The outbox delivery slice: the worker, its Slack port and options.</summary>
internal static class OutboxServiceCollectionExtensions
{
    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Over the Slack adapter's typed client: its retry rules, Slack:ApiBaseUrl and Slack:BotToken.
        services.AddTransient<ISlackOutboxSender, SlackApiOutboxSender>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxDelivery>();
        services.TryAddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxDeliveryWorker>();
        return services;
    }
}
