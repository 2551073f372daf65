using System.Text.Json;
using ChangeBot.Data.Audit;
using ChangeBot.Domain.Changes;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

public class AuditLogTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [BothDatabases]
    public async Task Verify_UntouchedChain_IsIntact(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await AppendAsync(db, 5);

        var result = await db.Audit.VerifyAsync(None);

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.EntriesChecked);
        Assert.Equal("The audit chain is intact: 5 entries checked.", result.Message);
    }

    [Theory]
    [BothDatabases]
    public async Task Verify_AfterOneEntryIsAlteredInTheDatabase_NamesThatEntry(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await AppendAsync(db, 6);
        Assert.True((await db.Audit.VerifyAsync(None)).IsIntact);

        await db.ExecuteAsync("""UPDATE audit_log SET details = '{"note":"nothing to see"}' WHERE seq = 4""");
        var result = await db.Audit.VerifyAsync(None);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSeq);
        Assert.Equal(3, result.EntriesChecked);
        Assert.StartsWith("The audit chain is broken at entry 4 (2026-03-03T10:03:00Z, U0ACTOR4, change.noted on CR-2026-0004)", result.Message, StringComparison.Ordinal);
        Assert.Contains("altered after it was written", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothDatabases]
    public async Task Verify_AfterAnEntryIsDeleted_NamesTheEntryAfterTheGap(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await AppendAsync(db, 4);

        await db.ExecuteAsync("DELETE FROM audit_log WHERE seq = 2");
        var result = await db.Audit.VerifyAsync(None);

        Assert.Equal(3, result.FirstBrokenSeq);
        Assert.Contains("entries 2 to 2 are missing before it", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothDatabases]
    public async Task Verify_AfterAnEntryIsRewrittenWithAFreshHash_NamesTheNextEntry(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await AppendAsync(db, 4);
        var forged = AuditChain.HashOf(2, TestStore.Start.AddMinutes(1).ToUnixTimeMilliseconds(), "U0SOMEONE", "slack", "change.noted", "CR-2026-0002", "{}", await db.ScalarAsync<string>("SELECT hash FROM audit_log WHERE seq = 1"));

        await db.ExecuteAsync("UPDATE audit_log SET actor = 'U0SOMEONE', details = '{}', hash = @Hash WHERE seq = 2", new { Hash = forged });
        var result = await db.Audit.VerifyAsync(None);

        Assert.Equal(3, result.FirstBrokenSeq);
        Assert.Contains("does not follow the entry before it", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [BothDatabases]
    public async Task Append_ManyWritersAtOnce_KeepOneUnbrokenChain(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var replicas = new[] { db.StoreOn(db.NewPool("replica-a")), db.StoreOn(db.NewPool("replica-b")) };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(n => Task.Run(() => replicas[n % 2].WriteAsync(
            (unit, _) =>
            {
                unit.Audit(AuditEntry.Of($"U0ACTOR{n}", ActorSource.Api, "change.noted", null, new { n }));
                unit.Audit(AuditEntry.Of($"U0ACTOR{n}", ActorSource.Api, "change.noted.again", null, new { n }));
                return Task.FromResult(n);
            },
            None))));

        var result = await db.Audit.VerifyAsync(None);
        Assert.True(result.IsIntact, result.Message);
        Assert.Equal(80, result.EntriesChecked);
    }

    [Theory]
    [BothDatabases]
    public async Task Export_BetweenTwoInstants_WritesThoseEntriesAsJsonLines(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await AppendAsync(db, 5);
        using var output = new StringWriter();

        var count = await db.Audit.ExportAsync(output, TestStore.Start.AddMinutes(1), TestStore.Start.AddMinutes(3), None);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, count);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(2, first.RootElement.GetProperty("seq").GetInt64());
        Assert.Equal("2026-03-03T10:01:00.000Z", first.RootElement.GetProperty("at").GetString());
        Assert.Equal("U0ACTOR2", first.RootElement.GetProperty("actor").GetString());
        Assert.Equal("slack", first.RootElement.GetProperty("source").GetString());
        Assert.Equal("CR-2026-0002", first.RootElement.GetProperty("change").GetString());
        Assert.Equal(2, first.RootElement.GetProperty("details").GetProperty("n").GetInt32());
        Assert.Equal(64, first.RootElement.GetProperty("hash").GetString()!.Length);
    }

    [Theory]
    [BothDatabases]
    public async Task Write_UseCaseThatFails_LeavesNoAuditEntryNoMessageAndNoChange(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var change = new Domain.Tests.Changes.ChangeRequestBuilder().Submitted();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.WriteAsync<int>(
            async (unit, token) =>
            {
                await unit.Changes.InsertAsync(change, token);
                unit.Audit(AuditEntry.Of("U0ACTOR", ActorSource.Slack, "change.filed", change.Id));
                unit.Enqueue(Outbox.OutboxMessage.Post("C0CHANGE", "{}"));
                throw new InvalidOperationException("Slack view could not be built");
            },
            None));

        Assert.Null(await db.Store.GetAsync(change.Id, None));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log"));
        Assert.Equal(0, await db.ScalarAsync<long>("SELECT COUNT(*) FROM outbox"));
    }

    /// <summary>Entry n is written at Start + (n - 1) minutes by U0ACTORn about CR-2026-000n.</summary>
    private static async Task AppendAsync(TestStore db, int count)
    {
        for (var n = 1; n <= count; n++)
        {
            await db.Store.WriteAsync(
                (unit, _) =>
                {
                    unit.Audit(AuditEntry.Of($"U0ACTOR{n}", ActorSource.Slack, "change.noted", ChangeId.Create(2026, n), new { n }));
                    return Task.FromResult(n);
                },
                None);
            db.Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }
}
