using ChangeBot.Data.Operations;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Home;

/// <summary>The App Home tab: published when opened, and republished for the people a change concerns after it commits.</summary>
public static class HomeServiceCollectionExtensions
{
    public static IServiceCollection AddHomeTab(this IServiceCollection services)
    {
        services.TryAddSingleton<IncidentQueries>();
        services.TryAddSingleton<HomeDashboard>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChangeCommittedListener, HomeRefresh>());
        return services.AddSlackEvent<HomeOpenedListener>(HomeOpenedListener.EventType);
    }
}
