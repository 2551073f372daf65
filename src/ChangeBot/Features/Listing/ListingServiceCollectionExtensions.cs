using ChangeBot.Data.Operations;
using ChangeBot.Features.Commands;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Listing;

public static class ListingServiceCollectionExtensions
{
    /// <summary><c>/change list</c>, <c>/change show</c> and <c>/change cancel</c>.</summary>
    public static IServiceCollection AddChangeListing(this IServiceCollection services)
    {
        services.TryAddSingleton<IncidentQueries>();
        services.TryAddScoped<ChangeListing>();
        return services
            .AddChangeSubCommand<ListSubCommand>(ListSubCommand.Name, "List open changes: all, or mine, pending, scheduled, today", ListSubCommand.Usage)
            .AddChangeSubCommand<ShowSubCommand>(ShowSubCommand.Name, "Show one change with the buttons you may press", ShowSubCommand.Usage)
            .AddChangeSubCommand<CancelSubCommand>(CancelSubCommand.Name, "Withdraw a change that has not started", CancelSubCommand.Usage);
    }
}
