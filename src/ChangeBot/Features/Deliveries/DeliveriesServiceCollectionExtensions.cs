using ChangeBot.Slack.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Deliveries;

public static class DeliveriesServiceCollectionExtensions
{
    /// <summary>
    /// Deliveries acted on once across replicas: Slack's events are deduplicated in the database instead of in
    /// memory. Call after <c>AddSlack</c> and <c>AddChangeBotData</c>.
    /// </summary>
    public static IServiceCollection AddDeliveryClaims(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ISlackEventClaims, StoredSlackEventClaims>());
        return services;
    }
}
