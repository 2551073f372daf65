using ChangeBot.Features.Admission;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Gate;

/// <summary>The host with two API tokens, a fake clock at <see cref="Now"/>, and optionally another policy file or incident source.</summary>
internal static class GateFactory
{
    public const string Token = "test-token-0123456789abcdef";
    public const string OtherToken = "second-token-0123456789abcdef";

    public static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    public static WebApplicationFactory<Program> Create(
        WebApplicationFactory<Program> factory,
        string? policyFile = null,
        IActiveIncidentSource? incidents = null,
        DateTimeOffset? now = null) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ChangeBot:Api:Tokens:0", Token);
            builder.UseSetting("ChangeBot:Api:Tokens:1", OtherToken);
            if (policyFile is not null)
            {
                builder.UseSetting("ChangeBot:PolicyFile", policyFile);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? Now));
                if (incidents is not null)
                {
                    services.AddSingleton(incidents);
                }
            });
        });

    public static HttpClient Client(WebApplicationFactory<Program> factory, string? token = Token)
    {
        var client = factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
