using ChangeBot.Slack.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Commands;

/// <summary>The <c>/change</c> command and the way features add sub-commands to it.</summary>
public static class ChangeCommandServiceCollectionExtensions
{
    public static IServiceCollection AddChangeCommands(this IServiceCollection services)
    {
        services.TryAddSingleton<ChangeHelp>();
        services.AddSlackCommand<ChangeCommandHandler>(ChangeCommandHandler.Command);
        return services.AddChangeSubCommand<HelpSubCommand>(HelpSubCommand.Name, "Show this list", "/change help");
    }

    /// <summary>Registers a sub-command of <c>/change</c>; the help lists it with its description and usage example.</summary>
    public static IServiceCollection AddChangeSubCommand<THandler>(this IServiceCollection services, string name, string description, string usage)
        where THandler : class, IChangeSubCommandHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"sub-command '{name}' must be one lower-case word (a-z, 0-9, -)", nameof(name));
        }

        services.TryAddScoped<THandler>();
        services.AddSingleton(new ChangeSubCommand(name, description, usage, typeof(THandler)));
        return services;
    }
}
