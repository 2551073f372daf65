using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Features.Operations;
using ChangeBot.Testing.Monitoring;
using ChangeBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeBot.Tests.Operations;

public sealed class ReadinessTests : IAsyncLifetime
{
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Readyz_SlackNotConfigured_ReadyWithEveryPartNamed()
    {
        await using var app = OperationsHost.Create(slack: null);
        using var client = app.CreateClient();

        var (status, body) = await Readyz.OnceSchedulerRunsAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Readyz.Failing(body));
        var checks = body["checks"]!.AsObject();
        Assert.Equal(["database", "monitoring", "policy", "scheduler", "slack"], checks.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.StartsWith("policy 'ChangeBot default' loaded from ", checks["policy"]!["description"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("Slack is not configured (no Slack:BotToken)", checks["slack"]!["description"]!.ToString());
    }

    [Fact]
    public async Task Readyz_SlackAuthTestSucceeded_ReadyAndAuthTestCalledOnceHoweverOftenProbed()
    {
        await using var app = OperationsHost.Create(_slack);
        using var client = app.CreateClient();

        var (_, body) = await Eventually.UntilAsync(() => Readyz.GetAsync(client), r => r.Status == HttpStatusCode.OK, "/readyz to answer 200");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Readyz.GetAsync(client)).Status);
        }

        Assert.Equal($"Slack auth.test succeeded: team {SlackStandIn.TeamId}, bot user {SlackStandIn.BotUserId}", body["checks"]!["slack"]!["description"]!.ToString());
        Assert.Single(_slack.CallsTo("auth.test"));
    }

    [Fact]
    public async Task Readyz_SlackRefusesTheBotToken_503NamingSlackAndTheError()
    {
        await using var app = OperationsHost.Create(_slack, botToken: "xoxb-_revoked_token");
        using var client = app.CreateClient();

        var (status, body) = await Eventually.UntilAsync(
            () => Readyz.OnceSchedulerRunsAsync(client),
            r => Readyz.Description(r.Body, "slack").Contains("failed", StringComparison.Ordinal),
            "the Slack part to report the failed auth.test");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["slack"], Readyz.Failing(body));
        Assert.Equal("Slack auth.test failed at start: invalid_auth", body["checks"]!["slack"]!["description"]!.ToString());
    }

    [Fact]
    public async Task Readyz_SlackUnreachableAtStart_UnreadyThenAskedAgainAfterABackoffAndReady()
    {
        using var time = new ObservableFakeTime();
        _slack.FailNext(1, 503);
        await using var app = OperationsHost.Create(_slack, services: s => s.AddSingleton<TimeProvider>(time), settings: new Dictionary<string, string> { ["Slack:MaxRetries"] = "0" });
        using var client = app.CreateClient();

        var (status, body) = await Eventually.UntilAsync(() => Readyz.GetAsync(client), r => Readyz.Description(r.Body, "slack").Contains("http_503", StringComparison.Ordinal), "the failed first auth.test");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Slack auth.test did not succeed yet: http_503; asking again in 5 s", body["checks"]!["slack"]!["description"]!.ToString());

        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));

        await Eventually.UntilAsync(() => Readyz.GetAsync(client), r => r.Status == HttpStatusCode.OK, "/readyz to answer 200 after the second auth.test");
        Assert.Equal(2, _slack.CallsTo("auth.test").Count);
    }

    [Fact]
    public async Task Readyz_ASliceRegistersAFailingPartUnderTheReadyTag_503NamingIt()
    {
        await using var app = OperationsHost.Create(slack: null, services: s => s.AddHealthChecks()
            .AddCheck("example", () => HealthCheckResult.Unhealthy("the example part is down"), [ReadinessChecks.Tag]));
        using var client = app.CreateClient();

        var (status, body) = await Readyz.OnceSchedulerRunsAsync(client);
        using var liveness = await client.GetAsync(new Uri(OperationsEndpointExtensions.LivenessPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["example"], Readyz.Failing(body));
        Assert.Equal("the example part is down", body["checks"]!["example"]!["description"]!.ToString());
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
    }
}
