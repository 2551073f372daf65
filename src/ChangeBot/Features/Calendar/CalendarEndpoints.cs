using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Calendar;

public static class CalendarEndpoints
{
    public const string Path = "/calendar.ics";

    /// <summary>The feed and its options; the tokens come from <c>ChangeBot:Calendar:Tokens</c>.</summary>
    public static IServiceCollection AddCalendarFeed(this IServiceCollection services)
    {
        services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CalendarFeed>();
        return services;
    }

    /// <summary><c>GET /calendar.ics?token=…</c>: the feed for a known token, 401 with the reason otherwise.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (string? token, IOptions<CalendarOptions> options, CalendarFeed feed, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrEmpty(token))
            {
                return Results.Text("The calendar feed needs ?token=… with one of the tokens in ChangeBot:Calendar:Tokens.", statusCode: StatusCodes.Status401Unauthorized);
            }

            if (!Known(token, options.Value.Tokens))
            {
                return Results.Text("That calendar token is not (or no longer) valid: ask an admin for the feed's current address.", statusCode: StatusCodes.Status401Unauthorized);
            }

            var body = await feed.RenderAsync(cancellationToken).ConfigureAwait(false);
            return Results.Text(body, "text/calendar; charset=utf-8", Encoding.UTF8);
        });
        return endpoints;
    }

    /// <summary>
    /// Compares hashes in constant time, so neither the content nor the length of a configured token leaks through
    /// timing; every configured token is compared, so neither does which one matched.
    /// </summary>
    internal static bool Known(string presented, IEnumerable<string> tokens)
    {
        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var known = false;
        foreach (var token in tokens.Where(token => !string.IsNullOrWhiteSpace(token)))
        {
            known |= CryptographicOperations.FixedTimeEquals(offered, SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
        }

        return known;
    }
}
