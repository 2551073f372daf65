using ChangeBot.Domain.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Policy;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the policy from <c>ChangeBot:PolicyFile</c> (or the shipped default) as <see cref="LoadedPolicy"/>,
    /// <see cref="ChangePolicy"/> and an <see cref="IChangeCalendarSource"/>. Call
    /// <see cref="RefuseInvalidPolicy"/> after building the app so a bad file stops the start.
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

    /// <summary>Loads the policy now; on errors writes one line per error to <paramref name="stderr"/> and returns false.</summary>
    public static bool RefuseInvalidPolicy(this IServiceProvider services, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            _ = services.GetRequiredService<LoadedPolicy>();
            return true;
        }
        catch (PolicyFileException invalid)
        {
            stderr.WriteLine("changebot: the policy file is invalid; not starting.");
            stderr.WriteLine(invalid.Message);
            return false;
        }
    }
}
