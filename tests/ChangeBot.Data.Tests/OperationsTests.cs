using ChangeBot.Data.Audit;
using ChangeBot.Data.Operations;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

public class OperationsTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [BothDatabases]
    public async Task Save_IncidentLockOverrideAndHandoffNote_AreStoredWithTheirAuditEntries(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var filed = await StoredChanges.FileAsync(db);
        var now = db.Clock.GetUtcNow();

        await db.Store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Operations.SaveIncidentAsync(new IncidentRecord("INC-7", "S2", "active", "Checkout errors", now, null, "slack"), token);
                await unit.Operations.SaveLockAsync(
                    new ChangeLockRecord("pcl-1", "Black Friday", "hard", "pcl", now, now.AddDays(3), null, "Europe/Berlin", "production", "[]", "U0VPE", "{}", "U0EOC", now, null),
                    token);
                await unit.Operations.AddOverrideAsync(new OverrideRecord(0, filed.Id.ToString(), "soft-pcl", "customer escalation", "U0EOC", now, "{}"), token);
                await unit.Operations.AddHandoffNoteAsync(new HandoffNoteRecord(0, filed.Id.ToString(), "U0EXECUTE", "Stage 2 baking; watch p99", now), token);
                unit.Audit(AuditEntry.Of("U0EOC", ActorSource.Slack, "incident.started", null, new { id = "INC-7" }));
                return 0;
            },
            CancellationToken.None);
        await db.Store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Operations.SaveIncidentAsync(new IncidentRecord("INC-7", "S2", "resolved", "Checkout errors", now, now.AddHours(1), "slack"), token);
                return 0;
            },
            CancellationToken.None);

        Assert.Equal("resolved", await db.ScalarAsync<string>("SELECT status FROM incidents WHERE id = 'INC-7'"));
        Assert.Equal(now.AddHours(1).ToUnixTimeMilliseconds(), await db.ScalarAsync<long>("SELECT resolved_at FROM incidents WHERE id = 'INC-7'"));
        Assert.Equal("hard", await db.ScalarAsync<string>("SELECT kind FROM change_locks WHERE id = 'pcl-1'"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM overrides WHERE change_id = @Id", new { Id = filed.Id.ToString() }));
        Assert.Equal("Stage 2 baking; watch p99", await db.ScalarAsync<string>("SELECT body FROM handoff_notes"));
        Assert.True((await db.Audit.VerifyAsync(CancellationToken.None)).IsIntact);
    }

    [Theory]
    [BothDatabases]
    public async Task SaveIncident_SeverityOutsideS1ToS4_IsRefusedByTheDatabase(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Operations.SaveIncidentAsync(new IncidentRecord("INC-8", "S9", "active", "x", db.Clock.GetUtcNow(), null, "api"), token);
                return 0;
            },
            CancellationToken.None));

        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM incidents"));
    }
}
