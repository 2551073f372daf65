using System.Net;
using ChangeBot.Testing.Slack;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChangeBot.Tests.Slack;

public sealed class SlackUnconfiguredTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task SlackEndpoints_NoSigningSecret_HostStarts_503WithReason()
    {
        using var client = factory.CreateClient();
        using var request = new SlackRequestSigner("whatever", TimeProvider.System).Command("help");

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Slack is not configured on this ChangeBot: set Slack:SigningSecret.", await response.Content.ReadAsStringAsync());
    }
}
