using ChangeBot.Data;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Features.Scheduling;
using ChangeBot.Testing.Data;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChangeBot.Tests.Scheduling;

/// <summary>
/// The reminders after the start: the window opening in an hour, the bake ending, a missing handoff note and an owed
/// retrospective, walked on the fake clock through Quartz; each once, at its time, in the thread and as a DM.
/// </summary>
public sealed class ReminderTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Fact]
    public async Task RunUntil_ChangesInEveryLaterState_EachReminderOnceOnTime()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        var clock = db.Clock;
        var scheduled = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(21)
            .With(c => c with { PlannedStart = new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero) }).Scheduled());
        var baking = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(22).With(ContentBuilder.Standard()).Monitoring());
        var high = ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12));
        var noNote = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(23).With(high).Completed());
        var withNote = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(24).With(high).Completed());
        var emergency = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(25).With(ContentBuilder.Emergency()).Completed());
        await db.Store.WriteAsync(
            async (unit, token) => await unit.Operations.AddHandoffNoteAsync(new HandoffNoteRecord(0, withNote.Id.ToString(), ContentBuilder.Executor, "All green; alerts silenced until 14:00.", unit.Now), token),
            CancellationToken.None);

        await using (var host = await ClockHost.StartAsync(db, clock))
        {
            await host.RunUntilAsync(clock, new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
        }

        var owed = await Outbox.OwedAsync(db);
        void OnceInThreadAndDm(ChangeRequest change, string words, DateTimeOffset at, params string[] dmTo)
        {
            var reply = Assert.Single(owed, m => m.ThreadKey == $"{change.Id}/change" && m.Text.Contains(words, StringComparison.Ordinal));
            Assert.Equal(at, reply.At);
            foreach (var user in dmTo)
            {
                Assert.Equal(at, Assert.Single(owed, m => m.Channel == user && m.Text.Contains(words, StringComparison.Ordinal) && m.Text.Contains(change.Id.ToString(), StringComparison.Ordinal)).At);
            }
        }

        OnceInThreadAndDm(scheduled, "opens in 1 hour", new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero), ContentBuilder.Executor, ClockHost.EocUser);
        OnceInThreadAndDm(baking, "the bake of", baking.BakeEndsAt!.Value, ContentBuilder.Executor);
        OnceInThreadAndDm(noNote, "has no handoff note yet", noNote.CompletedAt!.Value.AddMinutes(30), ContentBuilder.Executor);
        Assert.DoesNotContain(owed, m => m.Text.Contains("handoff note", StringComparison.Ordinal) && m.Text.Contains(withNote.Id.ToString(), StringComparison.Ordinal));
        OnceInThreadAndDm(emergency, "retrospective", emergency.CompletedAt!.Value.AddDays(2), ContentBuilder.Executor, ContentBuilder.Requester);
    }

    [Fact]
    public async Task Plan_AfterTheChangeMovesOn_RemindersOfTheOldStateAreDropped()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        var timers = host.Services.GetRequiredService<IChangeTimers>();
        var builder = new ChangeRequestBuilder().Numbered(31).With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(8)) with { PlannedStart = new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero) });
        var submitted = builder.Submitted();
        var scheduler = await host.SchedulerAsync();
        var group = GroupMatcher<TriggerKey>.GroupEquals(ClockJobs.ReminderGroup(submitted.Id.ToString()));

        await timers.PlanAsync(submitted, CancellationToken.None);
        var before = (await scheduler.GetTriggerKeys(group)).Select(key => key.Name.Split('|')[0]).Order().ToList();
        await timers.PlanAsync(builder.Scheduled(), CancellationToken.None);
        var after = (await scheduler.GetTriggerKeys(group)).Select(key => key.Name.Split('|')[0]).Order().ToList();

        Assert.Equal([nameof(ChangeReminderKind.ApprovalsDayBefore), nameof(ChangeReminderKind.ApprovalsHourBefore), nameof(ChangeReminderKind.WindowPassed)], before);
        Assert.Equal([nameof(ChangeReminderKind.WindowPassed), nameof(ChangeReminderKind.WindowSoon)], after);
    }

    [Fact]
    public async Task ChangeCommitted_ThroughTheWorkflow_ItsRemindersAreOnTheClockWithoutWaitingForTheSweep()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        var submitted = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(32)
            .With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(8)) with { PlannedStart = new DateTimeOffset(2026, 3, 10, 3, 0, 0, TimeSpan.Zero) })
            .Submitted());
        var scheduler = await host.SchedulerAsync();
        var group = GroupMatcher<TriggerKey>.GroupEquals(ClockJobs.ReminderGroup(submitted.Id.ToString()));

        await host.Services.GetRequiredService<ChangeBot.Features.Changes.ChangeWorkflow>().NotifyCommittedAsync(submitted, CancellationToken.None);

        var planned = (await scheduler.GetTriggerKeys(group)).Select(key => key.Name.Split('|')[0]).Order().ToList();
        Assert.Contains(nameof(ChangeReminderKind.ApprovalsHourBefore), planned);
    }
}
