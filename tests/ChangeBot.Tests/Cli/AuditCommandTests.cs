using System.Text.Json;
using ChangeBot.Cli;
using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Testing.Data;
using Microsoft.Extensions.Configuration;

namespace ChangeBot.Tests.Cli;

public class AuditCommandTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [BothDatabases]
    public async Task Verify_IntactChain_SaysSoAndExitsZero(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await AppendAsync(db, 3);

        var (code, stdout, _) = await RunAsync(db, "verify");

        Assert.Equal(0, code);
        Assert.Equal("The audit chain is intact: 3 entries checked.", stdout.Trim());
    }

    [Theory]
    [BothDatabases]
    public async Task Verify_AlteredEntry_NamesItAndExitsOne(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await AppendAsync(db, 3);
        await db.ExecuteAsync("UPDATE audit_log SET actor = 'U0MALLORY' WHERE seq = 2");

        var (code, _, stderr) = await RunAsync(db, "verify");

        Assert.Equal(1, code);
        Assert.StartsWith("The audit chain is broken at entry 2 ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FromToWholeDays_WritesThoseDaysAsJsonLines()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await AppendAsync(db, 3, TimeSpan.FromDays(1));

        var (code, stdout, _) = await RunAsync(db, "export", "--from", "2026-03-04", "--to", "2026-03-04");

        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var entry = JsonDocument.Parse(line);
        Assert.Equal(2, entry.RootElement.GetProperty("seq").GetInt64());
    }

    [Theory]
    [InlineData(new[] { "export", "--from", "2026-13-01" }, "--from '2026-13-01' is not a date: use 2026-03-01 or 2026-03-01T09:00:00Z.")]
    [InlineData(new[] { "export", "--to" }, "--to needs a value.")]
    [InlineData(new[] { "export", "--since", "2026-03-01" }, "unknown option '--since'.")]
    [InlineData(new[] { "export", "--from", "2026-03-05", "--to", "2026-03-01" }, "--to must be after --from.")]
    [InlineData(new[] { "check" }, "unknown command 'check'.")]
    public async Task Run_BadArguments_SaysWhatIsWrongAndExitsTwo(string[] args, string problem)
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);

        var (code, _, stderr) = await RunAsync(db, args);

        Assert.Equal(2, code);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
        Assert.Contains("usage: changebot audit verify", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(TestStore db, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:ChangeBot"] = db.ConnectionString,
        }).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AuditCommand.RunAsync(args, stdout, stderr, configuration);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task AppendAsync(TestStore db, int count, TimeSpan? apart = null)
    {
        for (var n = 1; n <= count; n++)
        {
            await db.Store.WriteAsync(
                (unit, _) =>
                {
                    unit.Audit(AuditEntry.Of($"U0ACTOR{n}", ActorSource.Cli, "policy.checked", null, new { n }));
                    return Task.FromResult(n);
                },
                CancellationToken.None);
            db.Clock.Advance(apart ?? TimeSpan.FromMinutes(1));
        }
    }
}
