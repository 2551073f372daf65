using ChangeBot.Data.Audit;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

public class IncidentQueryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [BothDatabases]
    public async Task ActiveAsync_DeclaredThenOneResolved_ListsOnlyTheUnresolvedOldestFirst(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var t0 = db.Clock.GetUtcNow();
        await db.Store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Operations.SaveIncidentAsync(new IncidentRecord("INC-2", "S2", "active", "Queue backlog", t0.AddMinutes(5), null, "api"), token);
                await unit.Operations.SaveIncidentAsync(new IncidentRecord("INC-1", "S1", "active", "Checkout is down", t0, null, "slack"), token);
                await unit.Operations.SaveIncidentAsync(new IncidentRecord("INC-3", "S3", "resolved", "Search is slow", t0, t0.AddMinutes(9), "alertmanager"), token);
                return true;
            },
            None);
        var queries = new IncidentQueries(db.Dialect);

        var active = await queries.ActiveAsync(None);
        var resolved = await queries.GetAsync("INC-3", None);

        Assert.Equal(["INC-1", "INC-2"], active.Select(incident => incident.Id));
        Assert.Equal(new IncidentRecord("INC-1", "S1", "active", "Checkout is down", t0, null, "slack"), active[0]);
        Assert.Equal(t0.AddMinutes(9), resolved?.ResolvedAt);
        Assert.Null(await queries.GetAsync("INC-404", None));
    }

    [Theory]
    [BothDatabases]
    public async Task DetailsAsync_EntriesOfOneActionOnOneChange_OldestFirstAndNothingElse(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var change = await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(7).InProgress());
        var other = await StoredChanges.SaveNewAsync(db.Store, new ChangeRequestBuilder().Numbered(8).InProgress());
        await db.Store.WriteAsync(
            (unit, _) =>
            {
                unit.Audit(AuditEntry.Of("changebot", ActorSource.Job, "change.rollback_triggered", change.Id, new { revision = 1, trigger = "error rate" }));
                unit.Audit(AuditEntry.Of("changebot", ActorSource.Job, "change.rollback_triggered", other.Id, new { revision = 1, trigger = "latency" }));
                unit.Audit(AuditEntry.Of("changebot", ActorSource.Job, "change.trigger_checklist_posted", change.Id, new { revision = 1 }));
                unit.Audit(AuditEntry.Of("changebot", ActorSource.Job, "change.rollback_triggered", change.Id, new { revision = 2, trigger = "error rate" }));
                return Task.FromResult(true);
            },
            None);

        var details = await new AuditActionQueries(db.Dialect).DetailsAsync(change.Id.ToString(), "change.rollback_triggered", None);

        Assert.Equal(["{\"revision\":1,\"trigger\":\"error rate\"}", "{\"revision\":2,\"trigger\":\"error rate\"}"], details);
    }
}
