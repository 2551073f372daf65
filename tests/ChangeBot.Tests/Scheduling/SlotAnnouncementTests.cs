using ChangeBot.Data;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Testing.Data;

namespace ChangeBot.Tests.Scheduling;

/// <summary>
/// The shipped policy's criticality slots (C1 22:00–06:00, C2 22:00–14:00 UTC) opening, walked through Quartz's
/// persistent store on the fake clock from Tuesday 3 March 2026 10:00 to Thursday 10:00: each opening is announced
/// once in #change at 22:00, listing the changes of that criticality planned in it; C3/C4 (any time) never are.
/// </summary>
public sealed class SlotAnnouncementTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset TuesdayNight = new(2026, 3, 3, 22, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task RunUntil_TwoNightsOfDefaultPolicy_EachSlotOpeningAnnouncedOnceWithWhatIsPlanned(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var clock = db.Clock;
        var c1 = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(41)
            .With(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(14)) with { PlannedStart = new DateTimeOffset(2026, 3, 4, 3, 0, 0, TimeSpan.Zero) }).Scheduled());

        await using (var host = await ClockHost.StartAsync(db, clock))
        {
            await host.RunUntilAsync(clock, ContentBuilder.Now.AddDays(2));
        }

        var slots = (await Outbox.OwedAsync(db)).Where(m => m.Channel == ClockHost.ChangeChannel && m.ThreadKey is null && m.Text.Contains("slot is open", StringComparison.Ordinal)).ToList();
        var c1Openings = slots.Where(m => m.Text.Contains("The C1 slot is open", StringComparison.Ordinal)).ToList();
        var c2Openings = slots.Where(m => m.Text.Contains("The C2 slot is open", StringComparison.Ordinal)).ToList();
        Assert.Equal([TuesdayNight, TuesdayNight.AddDays(1)], c1Openings.Select(m => m.At));
        Assert.Equal([TuesdayNight, TuesdayNight.AddDays(1)], c2Openings.Select(m => m.At));
        Assert.Equal(4, slots.Count);
        Assert.Equal(Criticality.C1, c1.Criticality);
        Assert.Contains(c1.Id.ToString(), c1Openings[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(c1.Id.ToString(), c1Openings[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(c1.Id.ToString(), c2Openings[0].Text, StringComparison.Ordinal);
        Assert.Contains("No C2 change is planned in it", c2Openings[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(slots, m => m.Text.Contains("Sent late", StringComparison.Ordinal));
    }
}
