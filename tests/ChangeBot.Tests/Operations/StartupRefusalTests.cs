using ChangeBot.Data;
using ChangeBot.Testing.Data;

namespace ChangeBot.Tests.Operations;

public class StartupRefusalTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Fact]
    public async Task Start_SocketModeWithoutAppToken_ExitsNonZeroWithOneClearLine()
    {
        using var app = AppProcess.Start(new Dictionary<string, string> { ["Slack__SocketMode"] = "true" });

        await AssertRefusedAsync(app, "changebot: the configuration is invalid; not starting.", "Slack:SocketMode is true but Slack:AppToken is not set");
    }

    [Fact]
    public async Task Start_FourInvalidSettings_ExitsNonZeroNamingEveryOneOnItsOwnLine()
    {
        var policy = Path.Combine(Path.GetTempPath(), $"changebot-broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(policy, "name: Broken\nwindows:\n  normal: [\n");
        try
        {
            using var app = AppProcess.Start(new Dictionary<string, string>
            {
                ["Slack__BotToken"] = "xoxb-_no_signing_secret_with_it",
                ["Storage__Provider"] = "Oracle",
                ["ChangeBot__PolicyFile"] = policy,
                ["Slack__Channels__Change"] = "general",
            });

            await AssertRefusedAsync(app, "changebot: the configuration is invalid; not starting.", "Slack:SigningSecret is not set but Slack:BotToken is");
            Assert.Contains("Storage:Provider must be Sqlite or Postgres.", app.Stderr);
            Assert.Contains(app.Stderr, l => l.StartsWith("Slack:Channels:Change must be a Slack channel id", StringComparison.Ordinal));
            Assert.Contains(app.Stderr, l => l.StartsWith($"{policy}:", StringComparison.Ordinal) && l.Contains("not valid YAML", StringComparison.Ordinal));
            Assert.Equal(5, app.Stderr.Count);
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Fact]
    public async Task Start_OnADatabaseFromANewerChangebot_ExitsNonZeroSayingSoInOneLine()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await db.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (42, 'from_the_future', 0)");
        using var app = AppProcess.Start(new Dictionary<string, string> { ["ConnectionStrings__ChangeBot"] = db.ConnectionString });

        await AssertRefusedAsync(app, "changebot: the database was migrated by a newer changebot; not starting.", "The SQLite database ");
        Assert.Contains(app.Stderr, l => l.Contains("is at schema version 42, but this changebot knows versions up to", StringComparison.Ordinal));
    }

    /// <summary>Exit code 3, the header line, a line starting with <paramref name="reason"/>, and no stack trace.</summary>
    private static async Task AssertRefusedAsync(AppProcess app, string header, string reason)
    {
        var exitCode = await app.WaitForExitAsync();

        Assert.Equal(3, exitCode);
        await ChangeBot.Testing.Monitoring.Eventually.UntilAsync(() => Task.FromResult(app.Stderr), e => e.Count >= 2, "stderr to be read");
        Assert.Equal(header, app.Stderr[0]);
        Assert.Contains(app.Stderr, l => l.StartsWith(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Stderr, l => l.Contains("   at ", StringComparison.Ordinal));
    }
}
