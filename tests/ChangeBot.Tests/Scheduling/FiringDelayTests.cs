using System.Globalization;
using ChangeBot.Data;
using ChangeBot.Testing.Data;
using Xunit.Abstractions;

namespace ChangeBot.Tests.Scheduling;

/// <summary>
/// One bot on SQLite and the real clock over 40 triggers: every announcement is written once, never before it is
/// due. The delay from due time to outbox row goes to the test output (a measurement, not an assertion).
/// </summary>
public sealed class FiringDelayTests(TestDatabases databases, ITestOutputHelper output) : IClassFixture<TestDatabases>
{
    [Fact]
    public async Task Sqlite_FortyTriggersOnTheRealClock_EachWrittenOnceNotEarly()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        var first = TimeProvider.System.GetUtcNow().AddSeconds(4);
        var due = new List<(string Text, DateTimeOffset At)>();
        for (var i = 0; i < 20; i++)
        {
            var start = first.AddMilliseconds(250 * i);
            var name = string.Create(CultureInfo.InvariantCulture, $"Lock {i:00}");
            await ClusterTests.DeclareAsync(db, name, start, start.AddMilliseconds(120));
            due.Add(($"The hard PCL '{name}' has begun", ClusterTests.Truncated(start)));
            due.Add(($"The hard PCL '{name}' is over", ClusterTests.Truncated(start.AddMilliseconds(120))));
        }

        await using (var host = await ClockHost.StartAsync(db, TimeProvider.System))
        {
            await ClusterTests.WaitForAsync(db, due.Count, due.Count);
        }

        var owed = await ClusterTests.LockAnnouncementsAsync(db);
        Assert.Equal(due.Count, owed.Count);
        var delays = due.Select(d =>
        {
            var message = Assert.Single(owed, m => m.Text.Contains(d.Text, StringComparison.Ordinal));
            Assert.True(message.At >= d.At, $"'{d.Text}' was written at {message.At:O}, before it was due at {d.At:O}");
            return (message.At - d.At).TotalMilliseconds;
        }).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SQLite, one node: firing delay over {delays.Count} triggers, due time to outbox row: p50 {delays[delays.Count / 2]:0} ms, p95 {delays[(int)(delays.Count * 0.95)]:0} ms, max {delays[^1]:0} ms"));
    }
}
