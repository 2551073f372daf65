using ChangeBot.Data;
using ChangeBot.Domain.Policy;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Features.Policy;
using ChangeBot.Features.Scheduling;
using ChangeBot.Testing.Data;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChangeBot.Tests.Scheduling;

/// <summary>
/// A job that runs again for the same firing (Quartz recovers a firing cut short by a crash after the messages were
/// committed) owes its messages once: the outbox keys them by the job and the scheduled time.
/// </summary>
public sealed class OnceAFiringTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Announce_SameWindowOpeningTwice_OneAnnouncement(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        var opening = NextNormalWindowOpening(host);
        var announcements = host.Services.GetRequiredService<CalendarAnnouncements>();

        await announcements.AnnounceAsync(opening, lateSince: null, CancellationToken.None);
        await announcements.AnnounceAsync(opening, lateSince: null, CancellationToken.None);

        Assert.Single(await Outbox.OwedAsync(db), m => m.Text.Contains("change window for normal changes is open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CalendarEventJob_FiredTwiceWithTheSameFiringsData_OneAnnouncement()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        var opening = NextNormalWindowOpening(host);
        var scheduler = await host.SchedulerAsync();

        // What a recovered firing looks like to the job: another trigger carrying the original trigger's data.
        foreach (var name in new[] { "original", "recovered" })
        {
            var data = new JobDataMap
            {
                [ClockJobs.KindKey] = opening.Kind.ToString(),
                [ClockJobs.EntryKey] = opening.EntryId,
                [ClockJobs.StartKey] = ClockJobs.Instant(opening.Period.Start),
                [ClockJobs.EndKey] = ClockJobs.Instant(opening.Period.End),
                [ClockJobs.AtKey] = ClockJobs.Instant(opening.At),
            };
            await scheduler.ScheduleTrigger(ClockJobs.OneShot(ClockJobs.CalendarEvent, new TriggerKey(name, "test"), db.Clock.GetUtcNow(), data), TriggerConflict.Keep, CancellationToken.None);
        }

        await host.SettleAsync(db.Clock);

        // Both fired (a one-shot trigger is gone once its job has run), and the announcement is owed once.
        Assert.Null(await scheduler.GetTrigger(new TriggerKey("original", "test")));
        Assert.Null(await scheduler.GetTrigger(new TriggerKey("recovered", "test")));
        var owed = await Outbox.OwedAsync(db);
        Assert.Single(owed, m => m.Text.Contains("change window for normal changes is open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendReminder_SameReminderTwice_OneThreadReplyAndOneDmEach()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        var change = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(31)
            .With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(8)) with { PlannedStart = new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero) }).Submitted());
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        await db.ExecuteAsync("DELETE FROM outbox");
        var reminder = ReminderPlan.For(change, ChangePolicy.Default).First(owed => owed.Kind == ChangeReminderKind.ApprovalsDayBefore);
        var reminders = host.Services.GetRequiredService<ChangeReminders>();

        await reminders.SendAsync(change.Id, reminder, lateSince: null, CancellationToken.None);
        var once = await Outbox.OwedAsync(db);
        await reminders.SendAsync(change.Id, reminder, lateSince: null, CancellationToken.None);

        Assert.NotEmpty(once);
        Assert.Single(once, m => m.ThreadKey == $"{change.Id}/change");
        Assert.Equal(once, await Outbox.OwedAsync(db));
    }

    /// <summary>
    /// The bot dies while a window opening's job runs: Quartz had marked the one-shot trigger complete and recorded the
    /// firing as executing, and the job had (or had not yet) committed its announcement. On restart Quartz recovers the
    /// firing and runs the job again: the announcement is owed exactly once either way, marked late.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Restart_AfterACrashMidFiring_TheAnnouncementIsOwedExactlyOnce(bool committedBeforeTheCrash)
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        CalendarEvent opening;
        await using (var first = await ClockHost.StartAsync(db, db.Clock))
        {
            opening = NextNormalWindowOpening(first);
            if (committedBeforeTheCrash)
            {
                await first.Services.GetRequiredService<CalendarAnnouncements>().AnnounceAsync(opening, lateSince: null, CancellationToken.None);
            }
        }

        // What Quartz's tables hold when the process dies between the job's commit and Quartz recording the firing done.
        // Quartz copies the job's "requests recovery" flag into the firing's row; only then does a restart run it again.
        var fireTime = await db.ScalarAsync<long>("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = @Name", new { Name = opening.Key });
        var recovers = await db.ScalarAsync<bool>("SELECT requests_recovery FROM qrtz_job_details WHERE job_name = @Job", new { Job = ClockJobs.CalendarEvent.Name });
        await db.ExecuteAsync("UPDATE qrtz_triggers SET trigger_state = 'COMPLETE' WHERE trigger_name = @Name", new { Name = opening.Key });
        await db.ExecuteAsync(
            """
            INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name, fired_time,
                sched_time, priority, state, job_name, job_group, is_nonconcurrent, requests_recovery)
            VALUES ('changebot', 'crashed-1', @Name, @Group, 'NON_CLUSTERED', @At, @At, 5, 'EXECUTING', @Job, @JobGroup, @False, @Recovers)
            """,
            new { Name = opening.Key, Group = ClockJobs.CalendarGroup, At = fireTime, Job = ClockJobs.CalendarEvent.Name, JobGroup = ClockJobs.CalendarEvent.Group, False = false, Recovers = recovers });
        db.Clock.SetUtcNow(opening.At.AddMinutes(10));

        await using (var second = await ClockHost.StartAsync(db, db.Clock))
        {
            await second.SettleAsync(db.Clock);
        }

        var announced = Assert.Single(await Outbox.OwedAsync(db), m => m.Text.Contains("change window for normal changes is open", StringComparison.Ordinal));
        Assert.Equal(!committedBeforeTheCrash, announced.Text.Contains("Sent late", StringComparison.Ordinal));
    }

    private static CalendarEvent NextNormalWindowOpening(ClockHost host)
    {
        var calendar = host.Services.GetRequiredService<IChangeCalendarSource>().Current;
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return CalendarEvents.Between(calendar, now, now.AddDays(3)).First(e => e.Kind == CalendarEventKind.WindowOpens && e.EntryId == CalendarEvents.WindowId(Domain.Changes.ChangeType.Normal));
    }
}
