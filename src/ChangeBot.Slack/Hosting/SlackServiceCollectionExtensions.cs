using ChangeBot.Slack.Diagnostics;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.SocketMode;
using ChangeBot.Slack.Verification;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Slack.Hosting;

/// <summary>Registers the Slack adapter and lets features register their handlers by command, id or event type.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The adapter: options (all optional, so the host starts without Slack), verifier, router, dispatcher,
    /// the after-ack runner and the Web API client.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackRequestVerifier>();
        services.TryAddSingleton<SlackRouter>();
        services.TryAddSingleton<SlackEventDeduplicator>();
        services.TryAddSingleton<ISlackEventClaims>(sp => sp.GetRequiredService<SlackEventDeduplicator>());
        services.TryAddSingleton<SlackDeferredRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackDeferredRunner>());
        services.TryAddSingleton<SlackDispatcher>();
        services.TryAddTransient<SlackUserNotices>();
        services.TryAddSingleton<SlackFrontDoor>();
        services.AddHttpClient<ISlackApiClient, SlackApiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddMetrics();
        services.TryAddSingleton<SlackMetrics>();

        // Socket Mode: always registered, idle unless Slack:SocketMode is true.
        services.AddHttpClient<SlackSocketConnectionOpener>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHostedService<SlackSocketModeClient>();
        return services;
    }

    public static IServiceCollection AddSlackCommand<THandler>(this IServiceCollection services, string command)
        where THandler : class, ISlashCommandHandler => services.AddRoute<THandler>(SlackRouteKind.Command, command, isPrefix: false);

    public static IServiceCollection AddSlackAction<THandler>(this IServiceCollection services, string actionId)
        where THandler : class, IBlockActionHandler => services.AddRoute<THandler>(SlackRouteKind.Action, actionId, isPrefix: false);

    /// <summary>For ids that carry data after the prefix, e.g. <c>cr.approve:</c> matching <c>cr.approve:CR-2026-0001:3</c>.</summary>
    public static IServiceCollection AddSlackActionPrefix<THandler>(this IServiceCollection services, string actionIdPrefix)
        where THandler : class, IBlockActionHandler => services.AddRoute<THandler>(SlackRouteKind.Action, actionIdPrefix, isPrefix: true);

    public static IServiceCollection AddSlackViewSubmission<THandler>(this IServiceCollection services, string callbackId)
        where THandler : class, IViewSubmissionHandler => services.AddRoute<THandler>(SlackRouteKind.ViewSubmission, callbackId, isPrefix: false);

    public static IServiceCollection AddSlackViewClosed<THandler>(this IServiceCollection services, string callbackId)
        where THandler : class, IViewClosedHandler => services.AddRoute<THandler>(SlackRouteKind.ViewClosed, callbackId, isPrefix: false);

    public static IServiceCollection AddSlackShortcut<THandler>(this IServiceCollection services, string callbackId)
        where THandler : class, IShortcutHandler => services.AddRoute<THandler>(SlackRouteKind.Shortcut, callbackId, isPrefix: false);

    /// <summary>The options loader of an <c>external_select</c> with this <c>action_id</c>.</summary>
    public static IServiceCollection AddSlackSuggestion<THandler>(this IServiceCollection services, string actionId)
        where THandler : class, IBlockSuggestionHandler => services.AddRoute<THandler>(SlackRouteKind.Suggestion, actionId, isPrefix: false);

    public static IServiceCollection AddSlackEvent<THandler>(this IServiceCollection services, string eventType)
        where THandler : class, ISlackEventListener => services.AddRoute<THandler>(SlackRouteKind.Event, eventType, isPrefix: false);

    private static IServiceCollection AddRoute<THandler>(this IServiceCollection services, SlackRouteKind kind, string key, bool isPrefix)
        where THandler : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        services.TryAddScoped<THandler>();
        services.AddSingleton(new SlackRoute(kind, key, isPrefix, typeof(THandler)));
        return services;
    }
}
