using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Locks;
using ChangeBot.Features.Policy;
using ChangeBot.Features.Scheduling;
using ChangeBot.Testing.Data;
using ChangeBot.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChangeBot.Tests.Locks;

/// <summary>Declaring and ending run-time locks: who may, what is audited and announced, and that admission and the clock see it at once.</summary>
public sealed class ChangeLocksTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly ChangeActor Admin = new(Actor.Engineer("U0ADMIN", ApproverRole.Admin), ActorSource.Slack);
    private static readonly ChangeActor Engineer = new(Actor.Engineer("U0ENGINEER"), ActorSource.Slack);

    private static LockDefinition Freeze => new()
    {
        Name = "Quarter close",
        Kind = LockKind.Freeze,
        Strength = LockStrength.Hard,
        Start = new DateTime(2026, 3, 30, 0, 0, 0),
        End = new DateTime(2026, 3, 31, 0, 0, 0),
        TimeZone = "Europe/Berlin",
    };

    [Fact]
    public async Task Declare_ByAnAdmin_AuditedAnnouncedAdmittedAndOnTheClock()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        var locks = host.Services.GetRequiredService<ChangeLocks>();

        var soon = Freeze with { Start = new DateTime(2026, 3, 5, 0, 0, 0), End = new DateTime(2026, 3, 6, 0, 0, 0) };

        var outcome = await locks.DeclareAsync(soon, Admin, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        var announced = Assert.Single(await Outbox.OwedAsync(db));
        Assert.Equal(ClockHost.ChangeChannel, announced.Channel);
        Assert.Contains("<@U0ADMIN> declared the *hard freeze 'Quarter close'*", announced.Text, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", announced.Text, StringComparison.Ordinal);
        var audit = Assert.Single(await AuditAsync(db), entry => entry.Action == "lock.declared");
        Assert.Equal("U0ADMIN", audit.Actor);

        var calendar = host.Services.GetRequiredService<IChangeCalendarSource>().Current;
        var locked = Assert.Single(calendar.RuntimeLocks);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 23, 0, 0, TimeSpan.Zero), ((OneOffSchedule)locked.Schedule).Period.Start);
        var scheduler = await host.SchedulerAsync();
        Assert.NotNull(await scheduler.GetTrigger(new TriggerKey($"LockHeadsUp|{locked.Id}|2026-03-04T23:00:00Z", ClockJobs.CalendarGroup)));
    }

    [Fact]
    public async Task Declare_ByAnEngineer_RefusedAndNothingWritten()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);

        var outcome = await host.Services.GetRequiredService<ChangeLocks>().DeclareAsync(Freeze, Engineer, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("Only an Admin", outcome.Message, StringComparison.Ordinal);
        Assert.Empty(await Outbox.OwedAsync(db));
        Assert.Empty(host.Services.GetRequiredService<IChangeCalendarSource>().Current.RuntimeLocks);
    }

    [Fact]
    public async Task Declare_SameNameTwice_SecondRefused()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        var locks = host.Services.GetRequiredService<ChangeLocks>();
        await locks.DeclareAsync(Freeze, Admin, CancellationToken.None);

        var again = await locks.DeclareAsync(Freeze with { Strength = LockStrength.Soft }, Admin, CancellationToken.None);

        Assert.False(again.Succeeded);
        Assert.Contains("already in force", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_ADeclaredFreeze_LiftedAnnouncedAndItsStartNotAnnounced()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        var locks = host.Services.GetRequiredService<ChangeLocks>();
        await locks.DeclareAsync(Freeze, Admin, CancellationToken.None);

        var ended = await locks.EndAsync(LockKind.Freeze, "quarter close", Admin, CancellationToken.None);
        await host.RunUntilAsync(db.Clock, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.True(ended.Succeeded, ended.Message);
        Assert.Empty(host.Services.GetRequiredService<IChangeCalendarSource>().Current.RuntimeLocks);
        var owed = await Outbox.OwedAsync(db);
        Assert.Single(owed, m => m.Text.Contains("<@U0ADMIN> ended the *hard freeze 'Quarter close'*", StringComparison.Ordinal));
        Assert.DoesNotContain(owed, m => m.Text.Contains("Heads-up: the hard freeze", StringComparison.Ordinal) || m.Text.Contains("has begun", StringComparison.Ordinal) && m.Text.Contains("Quarter close", StringComparison.Ordinal));
        Assert.Single(await AuditAsync(db), entry => entry.Action == "lock.ended");
    }

    [Fact]
    public async Task End_APolicyLock_RefusedWithWhereToChangeIt()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);

        var ended = await host.Services.GetRequiredService<ChangeLocks>().EndAsync(LockKind.Pcl, "Release day", Admin, CancellationToken.None);

        Assert.False(ended.Succeeded);
        Assert.Contains("policy file", ended.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_HardPcl_TheCalendarAdmissionReadsHoldsIt()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await ClockHost.StartAsync(db, db.Clock);
        await host.Services.GetRequiredService<ChangeLocks>().DeclareAsync(Freeze with { Kind = LockKind.Pcl, TimeZone = "UTC" }, Admin, CancellationToken.None);

        var calendar = host.Services.GetRequiredService<IChangeCalendarSource>().Current;
        var inIt = calendar.Occurrences(new TimeInterval(new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 13, 0, 0, TimeSpan.Zero)));

        Assert.Contains(inIt, occurrence => occurrence.Entry.RuleId == AdmissionRuleIds.PclHard);
    }

    private static async Task<List<AuditRecord>> AuditAsync(TestStore db)
    {
        var records = new List<AuditRecord>();
        await foreach (var record in db.Audit.BetweenAsync(null, null, CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }
}
