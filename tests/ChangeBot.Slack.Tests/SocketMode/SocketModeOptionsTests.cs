using ChangeBot.Slack.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeBot.Slack.Tests.SocketMode;

public class SocketModeOptionsTests
{
    [Theory]
    [InlineData(null, "Slack:SocketMode is true but Slack:AppToken is not set")]
    [InlineData("xoxb-_not_an_app_token", "Slack:AppToken must be an app-level token starting with xapp-")]
    public async Task Start_SocketModeWithoutAnAppToken_RefusesWithAClearReason(string? appToken, string expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:SocketMode"] = "true", ["Slack:AppToken"] = appToken });
        builder.Services.AddSlack(builder.Configuration);
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(refused.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }
}
