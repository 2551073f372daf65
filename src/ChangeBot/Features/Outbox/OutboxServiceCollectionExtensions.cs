using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Outbox;

/// <summary>The outbox delivery slice: the worker, its Slack port and options.</summary>
internal static class OutboxServiceCollectionExtensions
{
    private static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Over the Slack adapter's typed client: its retry rules, Slack:ApiBaseUrl and Slack:BotToken.
        services.AddTransient<ISlackOutboxSender, SlackApiOutboxSender>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<OutboxDelivery>();
        services.TryAddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxDeliveryWorker>();

        // The host waits for its services to stop for ShutdownTimeout (30 s by default): never less than the flush plus
        // a margin for stopping the rest.
        services.AddOptions<HostOptions>().Configure<IOptions<OutboxOptions>>((host, outbox) =>
        {
            var needed = outbox.Value.ShutdownFlush + ShutdownMargin;
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        return services;
    }
}
