using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

public class ChangeQueryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [BothDatabases]
    public async Task Queries_OverStoredChanges_ListWhatHomeAndTheCalendarShow(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var waiting = await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(1).With(StoredChanges.MediumRisk()).Submitted());
        var running = await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(2).With(c => c with { Services = ["payments-api"] }).InProgress());
        var later = await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(3)
            .With(c => c with { PlannedStart = ContentBuilder.Now.AddDays(5) }).Scheduled());

        var awaitingReviewers = await db.Queries.AwaitingAsync(ApproverRole.Reviewer, None);
        var inProgress = await db.Queries.InProgressAsync(None);
        var tomorrow = await db.Queries.PlannedBetweenAsync(ContentBuilder.Now.AddDays(1), ContentBuilder.Now.AddDays(2), None);
        var payments = await db.Queries.ByServiceAsync("payments-api", None);
        var mine = await db.Queries.ByRequesterAsync(ContentBuilder.Requester, None);
        var scheduled = await db.Queries.InStateAsync([ChangeState.Scheduled], None);

        Assert.Equal([waiting.Id], awaitingReviewers.Select(c => c.Id));
        Assert.Equal([running.Id], inProgress.Select(c => c.Id));
        Assert.Equal([running.Id], tomorrow.Select(c => c.Id));
        Assert.Equal([running.Id], payments.Select(c => c.Id));
        Assert.Equal(3, mine.Count);
        Assert.Equal([later.Id], scheduled.Select(c => c.Id));
        var summary = Assert.Single(inProgress);
        Assert.Equal(running.Title, summary.Title);
        Assert.Equal(ContentBuilder.Executor, summary.Executor);
        Assert.Equal(ContentBuilder.Now.AddDays(1), summary.PlannedStart);
        Assert.Equal(ContentBuilder.Now.AddDays(1).AddMinutes(45), summary.PlannedEnd);
        Assert.Equal(Criticality.C4, summary.Criticality);
    }

    [Theory]
    [BothDatabases]
    public async Task AwaitingAsync_OnceTheLastReviewerApproves_NoLongerListsTheChange(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var filed = await StoredChanges.FileAsync(db);

        await db.Store.ChangeAsync(filed.Id, (change, unit) => change.Approve(ChangeRequestBuilder.Reviewer(1), null, 1, unit.Now), None);

        Assert.Empty(await db.Queries.AwaitingAsync(ApproverRole.Reviewer, None));
        Assert.Equal([filed.Id], (await db.Queries.InStateAsync([ChangeState.Approved], None)).Select(c => c.Id));
    }
}
