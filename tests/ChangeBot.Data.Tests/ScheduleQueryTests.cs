using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

/// <summary>The queries behind conflict flags and standard-template pre-approval, on SQLite and PostgreSQL.</summary>
public class ScheduleQueryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [BothDatabases]
    public async Task BookedScheduleAsync_ListsBookedChangesStillToEnd_WithTheirServices(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var booked = await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(1).With(c => c with { Services = ["redis", "session-cache"] }).Scheduled());
        await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(2).With(c => c with { Services = ["redis"] }).Submitted());
        var running = await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(3).With(c => c with { Services = ["billing"] }).InProgress());

        var schedule = await db.Queries.BookedScheduleAsync(ContentBuilder.Now, None);
        var afterThem = await db.Queries.BookedScheduleAsync(ContentBuilder.Now.AddDays(30), None);

        Assert.Equal([booked.Id.ToString(), running.Id.ToString()], schedule.Select(c => c.Id.ToString()).Order(StringComparer.Ordinal));
        var first = schedule.Single(c => c.Id == booked.Id);
        Assert.Equal(["redis", "session-cache"], first.Services);
        Assert.Equal(booked.Content.PlannedStart, first.Period.Start);
        Assert.Equal(booked.Content.PlannedStart + booked.Content.EstimatedDuration, first.Period.End);
        Assert.Empty(afterThem);
    }

    [Theory]
    [BothDatabases]
    public async Task TemplateApprovedAsync_OnlyOnceAChangeOfThatTemplatePassedApproval(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        static ChangeRequestContent Standard(ChangeRequestContent content, string template) =>
            content with { Type = ChangeType.Standard, StandardTemplate = template };
        await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(1).With(c => Standard(c, "cert-rotation")).Submitted());
        var before = await db.Queries.TemplateApprovedAsync("redis-minor-upgrade", None);
        await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(2).With(c => Standard(c, "redis-minor-upgrade")).Scheduled());

        Assert.False(before);
        Assert.True(await db.Queries.TemplateApprovedAsync("redis-minor-upgrade", None));
        Assert.True(await db.Queries.TemplateApprovedAsync(" redis-minor-upgrade ", None));
        Assert.False(await db.Queries.TemplateApprovedAsync("cert-rotation", None));
    }
}
