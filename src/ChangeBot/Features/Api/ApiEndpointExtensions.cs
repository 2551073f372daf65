using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Api;

public static class ApiEndpointExtensions
{
    /// <summary>Binds <c>ChangeBot:Api</c> and registers the bearer-token filter every <c>/api/v1</c> endpoint uses.</summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Tokens.All(t => t.Trim().Length >= 16), "Every ChangeBot:Api:Tokens entry must be at least 16 characters long.")
            .ValidateOnStart();
        services.TryAddSingleton<ApiTokenFilter>();
        return services;
    }

    /// <summary>The group every API endpoint lives in: <c>/api/v1</c>, bearer token required.</summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1");
        group.AddEndpointFilter<ApiTokenFilter>();
        return group;
    }
}
