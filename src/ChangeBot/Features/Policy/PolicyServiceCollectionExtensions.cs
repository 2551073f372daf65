using ChangeBot.Domain.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Policy;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy from <c>ChangeBot:PolicyFile</c> (or the shipped default) as <see cref="LoadedPolicy"/>,
    /// <see cref="ChangePolicy"/> and an <see cref="IChangeCalendarSource"/>. Call
    /// <see cref="PolicyProblems"/> after building the app so a bad file stops the start.
    /// </summary>
    public static IServiceCollection AddChangePolicy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PolicyOptions>()
            .Bind(configuration.GetSection(PolicyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => PolicyFileReader.Load(sp.GetRequiredService<IOptions<PolicyOptions>>().Value.ResolvedPath));
        services.TryAddSingleton(sp => sp.GetRequiredService<LoadedPolicy>().Policy);
        services.TryAddSingleton<IChangeCalendarSource, PolicyCalendarSource>();
        return services;
    }

    /// <summary>Loads the policy now; its errors, one line each (none when it loaded).</summary>
    public static IReadOnlyList<string> PolicyProblems(this IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<LoadedPolicy>();
            return [];
        }
        catch (PolicyFileException invalid)
        {
            return invalid.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }
}
