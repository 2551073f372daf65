using System.Net;
using ChangeBot.Data;
using ChangeBot.Features.Operations;
using ChangeBot.Testing.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChangeBot.Tests.Operations;

/// <summary>
/// /readyz names the scheduler: ready while this host's Quartz runs, 503 naming <c>scheduler</c> when it is in
/// standby or shut down. Each host has its own scheduler (Quartz keeps them per container), so one host's scheduler
/// stopping leaves another's running.
/// </summary>
public sealed class SchedulerReadinessTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [BothDatabases]
    public async Task Readyz_SchedulerRunning_ReadyNamingTheInstance(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider, migrate: false);
        await using var app = Host(db);
        using var client = app.CreateClient();

        var (status, body) = await Readyz.OnceSchedulerRunsAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        var instance = await (await SchedulerAsync(app)).GetSchedulerInstanceId();
        Assert.Equal($"running as changebot/{instance}", Readyz.Description(body, ReadinessChecks.Scheduler));
    }

    [Fact]
    public async Task Readyz_SchedulerInStandby_503NamingTheSchedulerThenReadyWhenResumed()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite, migrate: false);
        await using var app = Host(db);
        using var client = app.CreateClient();
        await Readyz.OnceSchedulerRunsAsync(client);
        var scheduler = await SchedulerAsync(app);

        await scheduler.Standby();
        var (status, body) = await Readyz.GetAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal([ReadinessChecks.Scheduler], Readyz.Failing(body));
        Assert.Equal("the scheduler is in standby: windows, locks and reminders do not fire", Readyz.Description(body, ReadinessChecks.Scheduler));

        await scheduler.Start();
        Assert.Equal(HttpStatusCode.OK, (await Readyz.GetAsync(client)).Status);
    }

    [Theory]
    [BothDatabases]
    public async Task Readyz_SchedulerShutDown_503NamingTheScheduler(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider, migrate: false);
        await using var app = Host(db);
        using var client = app.CreateClient();
        await Readyz.OnceSchedulerRunsAsync(client);

        await (await SchedulerAsync(app)).Shutdown();
        var (status, body) = await Readyz.GetAsync(client);
        var again = await Readyz.GetAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal([ReadinessChecks.Scheduler], Readyz.Failing(body));
        Assert.Equal("the scheduler has shut down: windows, locks and reminders do not fire", Readyz.Description(body, ReadinessChecks.Scheduler));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, again.Status);
    }

    [Fact]
    public async Task Readyz_AnotherHostsSchedulerShutDown_ThisHostStaysReady()
    {
        await using var firstDb = await databases.CreateAsync(StorageProvider.Sqlite, migrate: false);
        await using var secondDb = await databases.CreateAsync(StorageProvider.Sqlite, migrate: false);
        await using var first = Host(firstDb);
        await using var second = Host(secondDb);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        await Readyz.OnceSchedulerRunsAsync(firstClient);
        await Readyz.OnceSchedulerRunsAsync(secondClient);

        await (await SchedulerAsync(first)).Shutdown();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Readyz.GetAsync(firstClient)).Status);
        var (status, body) = await Readyz.GetAsync(secondClient);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("running as changebot/", Readyz.Description(body, ReadinessChecks.Scheduler), StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> Host(TestStore db) =>
        OperationsHost.Create(slack: null, settings: new Dictionary<string, string>
        {
            ["Storage:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:ChangeBot"] = db.ConnectionString,
        });

    private static async Task<IScheduler> SchedulerAsync(WebApplicationFactory<Program> app) =>
        await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
}
