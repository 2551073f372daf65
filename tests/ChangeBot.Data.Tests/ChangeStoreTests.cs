using ChangeBot.Data.Audit;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

public class ChangeStoreTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [BothDatabases]
    public async Task Get_AfterInsert_GivesBackTheSameChangeAtVersionOne(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var original = new ChangeRequestBuilder().With(StoredChanges.MediumRisk()).InProgress();
        await StoredChanges.SaveNewAsync(db.Store, original);

        var stored = await db.Store.GetAsync(original.Id, None);

        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(SnapshotJson.Serialize(original.ToSnapshot()), SnapshotJson.Serialize(stored.Change.ToSnapshot()));
        Assert.Equal(ChangeState.InProgress, stored.Change.State);
    }

    [Theory]
    [BothDatabases]
    public async Task Insert_ApprovedChange_StoresEachApprovalPointingAtTheRevisionItApproved(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var change = new ChangeRequestBuilder().With(StoredChanges.MediumRisk()).Submitted();
        change.Approve(ChangeRequestBuilder.Reviewer(1), null, 1, ContentBuilder.Now);
        change.Edit(change.Content with { Title = "Upgrade Redis to 7.2.4" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, ContentBuilder.Now);
        change.Approve(ChangeRequestBuilder.Reviewer(2), null, 2, ContentBuilder.Now);
        await StoredChanges.SaveNewAsync(db.Store, change);

        Assert.Equal(2, await db.ScalarAsync<long>("SELECT COUNT(*) FROM change_revisions WHERE change_id = @Id", new { Id = change.Id.ToString() }));
        Assert.Equal(1, await db.ScalarAsync<long>(
            "SELECT revision FROM change_approvals WHERE change_id = @Id AND approver_id = 'U0REVIEW1' AND voided_by_revision = 2",
            new { Id = change.Id.ToString() }));
        Assert.Equal(2, await db.ScalarAsync<long>(
            "SELECT revision FROM change_approvals WHERE change_id = @Id AND approver_id = 'U0REVIEW2' AND voided_by_revision IS NULL",
            new { Id = change.Id.ToString() }));
    }

    [Theory]
    [BothDatabases]
    public async Task Update_WithAVersionSomeoneElseAlreadySaved_ThrowsConflictAndWritesNothing(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var filed = await StoredChanges.FileAsync(db, StoredChanges.MediumRisk());
        await db.Store.ChangeAsync(filed.Id, (change, _) => change.Approve(ChangeRequestBuilder.Reviewer(1), null, 1, ContentBuilder.Now), None);
        var stale = filed;
        stale.Approve(ChangeRequestBuilder.Reviewer(2), null, 1, ContentBuilder.Now);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            db.Store.WriteAsync((unit, token) => unit.Changes.UpdateAsync(stale, expectedVersion: 1, token), None));

        Assert.Equal($"{filed.Id} was changed by someone else at the same moment; open it again and retry.", conflict.Message);
        var stored = (await db.Store.GetAsync(filed.Id, None))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(["U0REVIEW1"], stored.Change.Approvals.Select(a => a.ApproverId));
    }

    [Theory]
    [BothDatabases]
    public async Task ChangeAsync_FiftyConcurrentClicksOfTheSameApproveButton_RecordExactlyOneApproval(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var filed = await StoredChanges.FileAsync(db, StoredChanges.MediumRisk());
        var reviewer = ChangeRequestBuilder.Reviewer(1);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            db.Store.ChangeAsync(filed.Id, (change, unit) => Approve(change, unit, reviewer, 1), None))));

        Assert.Single(outcomes, outcome => !outcome.AlreadyRecorded);
        var stored = (await db.Store.GetAsync(filed.Id, None))!;
        Assert.Single(stored.Change.Approvals);
        Assert.Equal(2, stored.Version);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM change_approvals"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'change.approved'"));
    }

    [Theory]
    [BothDatabases]
    public async Task ChangeAsync_TwoApproversClickingAtOnce_BothCount(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var filed = await StoredChanges.FileAsync(db, StoredChanges.MediumRisk());
        var replicas = new[] { db.StoreOn(db.NewPool("replica-a")), db.StoreOn(db.NewPool("replica-b")) };

        await Task.WhenAll(Enumerable.Range(1, 2).Select(n => Task.Run(() =>
            replicas[n - 1].ChangeAsync(filed.Id, (change, unit) => Approve(change, unit, ChangeRequestBuilder.Reviewer(n), 1), None))));

        var stored = (await db.Store.GetAsync(filed.Id, None))!;
        Assert.Equal(["U0REVIEW1", "U0REVIEW2"], stored.Change.CurrentApprovals.Select(a => a.ApproverId).Order());
        Assert.DoesNotContain(stored.Change.ApprovalsStillNeeded(), o => o.Requirement.Key == ApprovalRequirementKeys.Reviewers);
        Assert.Equal(3, stored.Version);
    }

    [Theory]
    [BothDatabases]
    public async Task ChangeAsync_ApproveClickAgainstAStaleRevision_IsRefusedAndNothingIsWritten(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var filed = await StoredChanges.FileAsync(db, StoredChanges.MediumRisk());
        await db.Store.ChangeAsync(
            filed.Id,
            (change, unit) => change.Edit(change.Content with { Title = "Upgrade Redis to 7.2.4" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, unit.Now),
            None);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => db.Store.ChangeAsync(
            filed.Id,
            (change, unit) => Approve(change, unit, ChangeRequestBuilder.Reviewer(1), revision: 1),
            None));

        Assert.Contains("was edited after you opened it", refusal.Message, StringComparison.Ordinal);
        var stored = (await db.Store.GetAsync(filed.Id, None))!;
        Assert.Empty(stored.Change.Approvals);
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'change.approved'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM outbox"));
    }

    [Theory]
    [BothDatabases]
    public async Task ChangeAsync_UnknownChange_SaysItDoesNotExist(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ChangeRequestNotFoundException>(() =>
            db.Store.ChangeAsync(ChangeId.Parse("CR-2026-0999"), (change, _) => change.State, None));

        Assert.Equal("There is no change request CR-2026-0999.", error.Message);
    }

    private static ApprovalOutcome Approve(ChangeRequest change, UnitOfWork unit, Actor reviewer, int revision)
    {
        var outcome = change.Approve(reviewer, null, revision, unit.Now);
        if (!outcome.AlreadyRecorded)
        {
            unit.Audit(AuditEntry.Of(reviewer.UserId, ActorSource.Slack, "change.approved", change.Id, new { outcome.Approval.RequirementKey, revision }));
            unit.Enqueue(OutboxMessage.Update("C0CHANGE", $"{change.Id}/change", """{"text":"approved"}"""));
        }

        return outcome;
    }
}
