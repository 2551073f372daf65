namespace ChangeBot.Tests.Operations;

public class StartupRefusalTests
{
    [Fact]
    public async Task Start_SocketModeWithoutAppToken_ExitsNonZeroWithOneClearLine()
    {
        using var app = AppProcess.Start(new Dictionary<string, string> { ["Slack__SocketMode"] = "true" });

        var exitCode = await app.WaitForExitAsync();

        Assert.Equal(3, exitCode);
        await ChangeBot.Testing.Monitoring.Eventually.UntilAsync(() => Task.FromResult(app.Stderr), e => e.Count >= 2, "stderr to be read");
        Assert.Equal("changebot: the configuration is invalid; not starting.", app.Stderr[0]);
        Assert.Contains(app.Stderr, l => l.StartsWith("Slack:SocketMode is true but Slack:AppToken is not set", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Stderr, l => l.Contains("   at ", StringComparison.Ordinal));
    }
}
