using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Features.Locks;
using ChangeBot.Testing.Data;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Scheduling;

/// <summary>
/// A month of the shipped default policy on the fake clock, from Tuesday 3 March 2026 10:00 UTC to 3 April: every
/// window opening and closing, the release-day PCL, a hard freeze declared at run time and the reminders of three
/// change requests land once each, at their time, in #change, in the CR's thread or as a DM.
/// </summary>
public sealed class CalendarMonthTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset MonthEnd = new(2026, 4, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunUntil_AMonthOfDefaultPolicy_EveryAnnouncementAndReminderLandsOnceOnTime()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        var clock = db.Clock;
        var freeze = await DeclareFreezeAsync(db, new DateTime(2026, 3, 30, 0, 0, 0), new DateTime(2026, 3, 31, 0, 0, 0));
        var unapproved = await SaveAsync(db, new ChangeRequestBuilder().Numbered(1)
            .With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(8)) with { PlannedStart = new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero) }).Submitted());
        var running = await SaveAsync(db, new ChangeRequestBuilder().Numbered(2).With(ContentBuilder.Standard()).InProgress());

        await using (var host = await ClockHost.StartAsync(db, clock))
        {
            await host.RunUntilAsync(clock, MonthEnd);
        }

        var owed = await Outbox.OwedAsync(db);
        var channel = owed.Where(m => m.Channel == ClockHost.ChangeChannel && m.ThreadKey is null).ToList();

        // Windows: the default normal window, Tue–Thu 02:00–06:00 UTC.
        var windowDays = Days(ContentBuilder.Now, MonthEnd).Where(d => d.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday).ToList();
        var opens = channel.Where(m => m.Text.Contains("change window for normal changes is open", StringComparison.Ordinal)).Select(m => m.At).ToList();
        var closes = channel.Where(m => m.Text.Contains("change window for normal changes has closed", StringComparison.Ordinal)).Select(m => m.At).ToList();
        Assert.Equal(windowDays.Select(d => At(d, 2)).Where(t => t > ContentBuilder.Now), opens);
        Assert.Equal(windowDays.Select(d => At(d, 6)).Where(t => t > ContentBuilder.Now), closes);
        Assert.Contains(channel, m => m.At == At(new DateOnly(2026, 3, 10), 2) && m.Text.Contains(unapproved.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(channel, m => m.At == At(new DateOnly(2026, 3, 10), 6) && m.Text.Contains("Did not start", StringComparison.Ordinal) && m.Text.Contains(unapproved.Id.ToString(), StringComparison.Ordinal));

        // The policy's release day, the 22nd 09:00 to the 23rd 09:00 UTC: heads-up, start, end, once each.
        Assert.Equal([new DateTimeOffset(2026, 3, 21, 9, 0, 0, TimeSpan.Zero)], channel.Where(m => m.Text.Contains("Heads-up: the soft PCL 'Release day'", StringComparison.Ordinal)).Select(m => m.At));
        var releaseStart = Assert.Single(channel, m => m.Text.Contains("The soft PCL 'Release day' has begun", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 3, 22, 9, 0, 0, TimeSpan.Zero), releaseStart.At);
        Assert.Contains("C1, C2 changes may not start", releaseStart.Text, StringComparison.Ordinal);
        Assert.Equal([new DateTimeOffset(2026, 3, 23, 9, 0, 0, TimeSpan.Zero)], channel.Where(m => m.Text.Contains("The soft PCL 'Release day' is over", StringComparison.Ordinal)).Select(m => m.At));

        // The run-time hard freeze: heads-up, start with its terms, end; the running change is told in its thread.
        var freezeStart = new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal([freezeStart.AddDays(-1)], channel.Where(m => m.Text.Contains("Heads-up: the hard freeze 'Quarter close'", StringComparison.Ordinal)).Select(m => m.At));
        var frozen = Assert.Single(channel, m => m.Text.Contains("The hard freeze 'Quarter close' has begun", StringComparison.Ordinal));
        Assert.Equal(freezeStart, frozen.At);
        Assert.Contains("a security patch rated critical", frozen.Text, StringComparison.Ordinal);
        Assert.Contains($"<@{ClockHost.VpeUser}>", frozen.Text, StringComparison.Ordinal);
        Assert.Equal([freezeStart.AddDays(1)], channel.Where(m => m.Text.Contains("The hard freeze 'Quarter close' is over", StringComparison.Ordinal)).Select(m => m.At));
        var told = Assert.Single(owed, m => m.ThreadKey == $"{running.Id}/change" && m.Text.Contains(freeze.Title, StringComparison.Ordinal));
        Assert.Equal(freezeStart, told.At);
        Assert.Contains($"<@{ContentBuilder.Executor}>", told.Text, StringComparison.Ordinal);
        Assert.Contains($"<@{ClockHost.EocUser}>", told.Text, StringComparison.Ordinal);

        // Reminders of the unapproved change: 24 h and 1 h before its start, then its window passing without a start.
        var plannedStart = unapproved.Content.PlannedStart;
        var thread = owed.Where(m => m.ThreadKey == $"{unapproved.Id}/change").ToList();
        Assert.Equal([plannedStart.AddHours(-24), plannedStart.AddHours(-1), At(new DateOnly(2026, 3, 10), 6)], thread.Select(m => m.At));
        Assert.Contains("Starts in 1 day and still missing", thread[0].Text, StringComparison.Ordinal);
        Assert.Contains("did not start", thread[2].Text, StringComparison.Ordinal);
        Assert.Equal(2, owed.Count(m => m.Channel == ClockHost.EocUser && m.Text.Contains(unapproved.Id.ToString(), StringComparison.Ordinal) && m.Text.Contains("still needs", StringComparison.Ordinal)));
        Assert.Single(owed, m => m.Channel == ContentBuilder.Executor && m.Text.Contains("reschedule it", StringComparison.Ordinal));

        // The running change: its canary stage's monitoring time passing, once.
        var stage = running.CurrentStage!;
        var advance = Assert.Single(owed, m => m.ThreadKey == $"{running.Id}/change" && m.Text.Contains("you may advance", StringComparison.Ordinal));
        Assert.Equal(stage.MonitoredUntil, advance.At);
        Assert.Single(owed, m => m.Channel == ContentBuilder.Executor && m.Text.Contains("you may advance", StringComparison.Ordinal));

        // Nothing announced twice, nothing marked late: the bot was up all month.
        Assert.Equal(owed.Count, owed.Select(m => (m.Channel, m.ThreadKey, m.Text)).Distinct().Count());
        Assert.DoesNotContain(owed, m => m.Text.Contains("Sent late", StringComparison.Ordinal));
    }

    internal static async Task<ChangeRequest> SaveAsync(TestStore db, ChangeRequest change) =>
        await db.Store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Changes.InsertAsync(change, token);
                return change;
            },
            CancellationToken.None);

    internal static async Task<ChangeLock> DeclareFreezeAsync(TestStore db, DateTime start, DateTime end)
    {
        var definition = new LockDefinition
        {
            Name = "Quarter close",
            Kind = LockKind.Freeze,
            Strength = LockStrength.Hard,
            Start = start,
            End = end,
            Exceptions = [ExceptionCategory.SecurityPatchCritical],
        };
        await db.Store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Operations.SaveLockAsync(LockRecords.ToRecord(definition, "U0ADMIN", unit.Now), token);
                unit.Audit(AuditEntry.Of("U0ADMIN", ActorSource.Slack, "lock.added", null));
                return 0;
            },
            CancellationToken.None);
        return definition.ToChangeLock();
    }

    private static IEnumerable<DateOnly> Days(DateTimeOffset from, DateTimeOffset to)
    {
        for (var day = DateOnly.FromDateTime(from.UtcDateTime); day <= DateOnly.FromDateTime(to.UtcDateTime); day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
