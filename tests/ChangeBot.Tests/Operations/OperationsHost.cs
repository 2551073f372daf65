using ChangeBot.Testing.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Operations;

/// <summary>The real host talking to a Slack stand-in, with an API token, and room for more test services.</summary>
internal static class OperationsHost
{
    public const string SigningSecret = "ops-signing-secret-0123456789abcdef";
    public const string ApiToken = "ops-api-token-0123456789abcdef";

    public static WebApplicationFactory<Program> Create(SlackStandIn? slack, string botToken = SlackStandIn.BotToken, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ChangeBot:Api:Tokens:0", ApiToken);
            if (slack is not null)
            {
                host.UseSetting("Slack:SigningSecret", SigningSecret);
                host.UseSetting("Slack:BotToken", botToken);
                host.UseSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString());
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }

            if (services is not null)
            {
                host.ConfigureTestServices(services);
            }
        });
}
