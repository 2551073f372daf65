using ChangeBot.Slack.Hosting;

namespace ChangeBot.Features.Home;

/// <summary>The App Home tab.</summary>
public static class HomeServiceCollectionExtensions
{
    public static IServiceCollection AddHomeTab(this IServiceCollection services) =>
        services.AddSlackEvent<HomeOpenedListener>(HomeOpenedListener.EventType);
}
