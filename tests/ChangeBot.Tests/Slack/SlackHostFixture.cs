using ChangeBot.Features.Commands;
using ChangeBot.Testing.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Slack;

/// <summary>The real host wired to a Slack stand-in on loopback, plus two test sub-commands of <c>/change</c>.</summary>
public sealed class SlackHostFixture : IAsyncLifetime
{
    public const string SigningSecret = "e2e-signing-secret-0123456789abcdef";

    // A database of its own: the default changebot.db outlives the run, and with it the event ids it claimed.
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"changebot-slack-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program> _factory = null!;

    public SlackStandIn Slack { get; private set; } = null!;

    public TestSubCommandProbe Probe { get; } = new();

    public SlackRequestSigner Signer { get; } = new(SigningSecret, TimeProvider.System);

    public HttpClient CreateClient() => _factory.CreateClient();

    public async Task InitializeAsync()
    {
        Slack = await SlackStandIn.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:ChangeBot", $"Data Source={_database}");
            host.UseSetting("Slack:SigningSecret", SigningSecret);
            host.UseSetting("Slack:BotToken", SlackStandIn.BotToken);
            host.UseSetting("Slack:ApiBaseUrl", Slack.ApiBaseUrl.ToString());
            host.ConfigureTestServices(services => services
                .AddSingleton(Probe)
                .AddChangeSubCommand<ProbeSubCommand>("probe", "Records that it ran (tests only)", "/change probe")
                .AddChangeSubCommand<SlowSubCommand>("slow", "Acks, then works (tests only)", "/change slow")
                .AddChangeSubCommand<ThrowingSubCommand>("throw", "Fails (tests only)", "/change throw"));
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
