using ChangeBot.Slack.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Slack.Hosting;

/// <summary>Maps Slack's three request URLs.</summary>
public static class SlackEndpointRouteBuilderExtensions
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";
    public const string EventsPath = "/slack/events";

    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Map(endpoints, CommandsPath, SlackInboundKind.Command);
        Map(endpoints, InteractionsPath, SlackInboundKind.Interaction);
        Map(endpoints, EventsPath, SlackInboundKind.Event);
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string path, SlackInboundKind kind) =>
        endpoints.MapPost(path, (HttpContext http) => http.RequestServices.GetRequiredService<SlackFrontDoor>().HandleAsync(http, kind))
            .DisableAntiforgery()
            .WithName("slack-" + kind.ToString().ToUpperInvariant());
}
