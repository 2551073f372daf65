using ChangeBot.Data;
using ChangeBot.Testing.Data;

namespace ChangeBot.Tests.Scheduling;

/// <summary>The bot stopped over two window days: what fell due while it was down is sent once on start-up, marked late.</summary>
public sealed class RestartTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Fact]
    public async Task Start_JobsDueWhileStopped_RunOnceAfterStartWithALateNote()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        var clock = db.Clock;
        await using (var first = await ClockHost.StartAsync(db, clock))
        {
            await first.SettleAsync(clock);
        }

        // Down from Tuesday 10:00 to Thursday 12:00: Wednesday's and Thursday's windows opened and closed meanwhile.
        var restartedAt = clock.GetUtcNow().AddDays(2).AddHours(2);
        clock.SetUtcNow(restartedAt);
        await using (var second = await ClockHost.StartAsync(db, clock))
        {
            await second.SettleAsync(clock);

            // And after that the clock runs normally: next Tuesday's opening is on time and not late.
            await second.RunUntilAsync(clock, new DateTimeOffset(2026, 3, 10, 2, 30, 0, TimeSpan.Zero));
        }

        // The change windows' announcements (the slots' openings are sent late the same way; SlotAnnouncementTests).
        var owed = (await Outbox.OwedAsync(db)).Where(m => m.Text.Contains("The change window", StringComparison.Ordinal)).ToList();
        var late = owed.Where(m => m.Text.Contains("Sent late", StringComparison.Ordinal)).ToList();
        Assert.True(late.Count == 4, string.Join("\n", owed.Select(m => $"{m.At:u} {m.Text}")));
        Assert.All(late, m => Assert.Equal(restartedAt, m.At));
        Assert.Equal(2, late.Count(m => m.Text.Contains("is open", StringComparison.Ordinal)));
        Assert.Equal(2, late.Count(m => m.Text.Contains("has closed", StringComparison.Ordinal)));
        Assert.Contains(late, m => m.Text.Contains("this was due <!date^1772589600^", StringComparison.Ordinal));
        var onTime = Assert.Single(owed, m => !m.Text.Contains("Sent late", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero), onTime.At);
    }
}
