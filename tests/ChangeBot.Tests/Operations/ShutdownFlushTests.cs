using ChangeBot.Data;
using ChangeBot.Data.Outbox;
using ChangeBot.Features.Outbox;
using ChangeBot.Testing.Data;
using ChangeBot.Testing.Slack;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChangeBot.Tests.Operations;

public sealed class ShutdownFlushTests(TestDatabases databases) : IClassFixture<TestDatabases>, IAsyncLifetime
{
    // Long and unusual, so the test can see the worker settle into waiting for it.
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(7);
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private WebApplicationFactory<Program> Host(TestStore db, string flush, TimeProvider? time = null) =>
        OperationsHost.Create(
            _slack,
            services: time is null ? null : s => s.AddSingleton(time),
            settings: new Dictionary<string, string>
            {
                ["Storage:Provider"] = db.Provider.ToString(),
                ["ConnectionStrings:ChangeBot"] = db.ConnectionString,
                ["Outbox:PollInterval"] = Poll.ToString(),
                ["Outbox:ShutdownFlush"] = flush,
            });

    /// <summary>Messages committed by another replica: nothing wakes this one's worker before its next poll.</summary>
    private static Task<int> EnqueueAsync(TestStore db, TimeProvider time, params string[] texts) =>
        new ChangeBotStore(db.Dialect, time, Options.Create(new StorageOptions())).WriteAsync(
            (unit, _) =>
            {
                foreach (var text in texts)
                {
                    unit.Enqueue(OutboxMessage.Post("C0CHANGE", $$"""{"text":"{{text}}"}"""));
                }

                return Task.FromResult(0);
            },
            CancellationToken.None);

    [Fact]
    public async Task Stop_MessagesPendingWhileTheWorkerWaitsForItsPoll_DeliveredToSlackBeforeTheHostExits()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        using var time = new ObservableFakeTime();
        var app = Host(db, "00:00:10", time);
        _ = app.Server;
        await time.WaitForTimerAsync(Poll);
        await EnqueueAsync(db, time, "first owed", "second owed");

        await app.DisposeAsync();

        Assert.Equal(["first owed", "second owed"], _slack.CallsTo("chat.postMessage").Select(c => c.Arg("text")));
        Assert.All(_slack.CallsTo("chat.postMessage"), call => Assert.True(call.Ok));
        var counts = await db.Outbox.CountAsync(CancellationToken.None);
        Assert.Equal(0, counts[OutboxState.Pending]);
        Assert.Equal(2, counts[OutboxState.Sent]);
    }

    [Fact]
    public async Task Stop_SlackHangsOnAnOwedMessage_HostExitsAfterTheFlushTimeAndTheMessageStaysPending()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        var app = Host(db, "00:00:01");
        _ = app.Server;
        await _slack.WaitForCallsAsync("auth.test");
        _slack.StallNext(1);
        await EnqueueAsync(db, TimeProvider.System, "owed while Slack hangs");

        // Woken as a commit on this replica would (the start's first round may have found it already).
        app.Services.GetRequiredService<OutboxSignal>().Notify();
        await _slack.WaitForCallsAsync("chat.postMessage");
        await app.DisposeAsync();

        Assert.Equal("stalled", Assert.Single(_slack.CallsTo("chat.postMessage")).Error);
        Assert.Equal(1, (await db.Outbox.CountAsync(CancellationToken.None))[OutboxState.Pending]);
    }

    [Fact]
    public async Task Start_ShutdownFlushLongerThanTheHostsDefault_ShutdownTimeoutRaisedToFitIt()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var app = Host(db, "00:01:00");

        var host = app.Services.GetRequiredService<IOptions<HostOptions>>().Value;

        Assert.True(host.ShutdownTimeout > TimeSpan.FromMinutes(1), $"ShutdownTimeout is {host.ShutdownTimeout}");
    }
}
