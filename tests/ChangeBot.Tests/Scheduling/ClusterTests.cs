using System.Globalization;
using ChangeBot.Data;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Locks;
using ChangeBot.Testing.Data;
using Xunit.Abstractions;

namespace ChangeBot.Tests.Scheduling;

/// <summary>
/// Two bot hosts clustered on one PostgreSQL, on the real clock, over 50 triggers (the starts and ends of 25 run-time
/// locks a few seconds apart): each announcement is written once, and after one host stops mid-run the other fires the
/// rest. The firing delay (due time to the outbox row) is written to the test output.
/// </summary>
public sealed class ClusterTests(TestDatabases databases, ITestOutputHelper output) : IClassFixture<TestDatabases>
{
    private const int Locks = 25;
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Cluster_TwoHostsOverFiftyTriggers_EachFiresOnceAndTheSurvivorFiresTheRest()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Postgres);
        var clock = TimeProvider.System;
        var first = clock.GetUtcNow().AddSeconds(6);
        var due = new List<(string Text, DateTimeOffset At)>();
        for (var i = 0; i < Locks; i++)
        {
            var start = first.AddMilliseconds(400 * i);
            var end = start.AddMilliseconds(200);
            var name = string.Create(CultureInfo.InvariantCulture, $"Lock {i:00}");
            await DeclareAsync(db, name, start, end);
            due.Add(($"The hard PCL '{name}' has begun", Truncated(start)));
            due.Add(($"The hard PCL '{name}' is over", Truncated(end)));
        }

        var settings = new Dictionary<string, string?> { ["ChangeBot:Scheduler:InstanceId"] = "node-a" };
        var a = await ClockHost.StartAsync(db, clock, settings);
        settings["ChangeBot:Scheduler:InstanceId"] = "node-b";
        await using var b = await ClockHost.StartAsync(db, clock, settings);
        int firedBeforeStop;
        try
        {
            firedBeforeStop = await WaitForAsync(db, Locks, due.Count);
        }
        finally
        {
            await a.DisposeAsync();
        }

        await WaitForAsync(db, due.Count, due.Count);
        var owed = await LockAnnouncementsAsync(db);
        foreach (var (text, at) in due)
        {
            var message = Assert.Single(owed, m => m.Text.Contains(text, StringComparison.Ordinal));
            Assert.True(message.At >= at, $"'{text}' was written at {message.At:O}, before it was due at {at:O}");
        }

        Assert.Equal(due.Count, owed.Count);
        Assert.InRange(firedBeforeStop, Locks, due.Count - 1);
        var delays = due.Select(d => (owed.Single(m => m.Text.Contains(d.Text, StringComparison.Ordinal)).At - d.At).TotalMilliseconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"firing delay over {delays.Count} triggers, due time to outbox row: p50 {delays[delays.Count / 2]:0} ms, p95 {delays[(int)(delays.Count * 0.95)]:0} ms, max {delays[^1]:0} ms; {firedBeforeStop} fired before node-a stopped"));
    }

    internal static DateTimeOffset Truncated(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    internal static async Task DeclareAsync(TestStore db, string name, DateTimeOffset start, DateTimeOffset end)
    {
        var definition = new LockDefinition
        {
            Name = name,
            Kind = LockKind.Pcl,
            Strength = LockStrength.Hard,
            Start = start.UtcDateTime,
            End = end.UtcDateTime,
        };
        await db.Store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Operations.SaveLockAsync(LockRecords.ToRecord(definition, "U0ADMIN", unit.Now), token);
                return 0;
            },
            CancellationToken.None);
    }

    /// <summary>The announcements of the test's own locks: on the real clock a change window or a criticality slot may
    /// open during the run (02:00 and 22:00 UTC), and its announcement is not one of them.</summary>
    internal static async Task<List<OwedMessage>> LockAnnouncementsAsync(TestStore db) =>
        [.. (await Outbox.OwedAsync(db)).Where(m => m.ThreadKey is null && m.Text.Contains("The hard PCL 'Lock ", StringComparison.Ordinal))];

    /// <summary>Waits (bounded, real time) until at least <paramref name="count"/> lock announcements are in the outbox.</summary>
    internal static async Task<int> WaitForAsync(TestStore db, int count, int total)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var written = (await LockAnnouncementsAsync(db)).Count;
            if (written >= count)
            {
                return written;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"only {written} of the {total} announcements were written");
            }
        }
    }
}
