using ChangeBot.Domain.Changes;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

public class SequenceTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    [Theory]
    [BothDatabases]
    public async Task NextChangeId_FirstOfAYear_IsNumberOneAndEachYearCountsOnItsOwn(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);

        var first = await db.Store.NextChangeIdAsync(2026, CancellationToken.None);
        var second = await db.Store.NextChangeIdAsync(2026, CancellationToken.None);
        var nextYear = await db.Store.NextChangeIdAsync(2027, CancellationToken.None);

        Assert.Equal("CR-2026-0001", first.ToString());
        Assert.Equal("CR-2026-0002", second.ToString());
        Assert.Equal("CR-2027-0001", nextYear.ToString());
    }

    [Theory]
    [BothDatabases]
    public async Task NextChangeId_TwoReplicasAskingAtOnce_NeverHandTheSameNumberTwice(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var replicas = new[] { db.StoreOn(db.NewPool("replica-a")), db.StoreOn(db.NewPool("replica-b")) };

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(n =>
            Task.Run(() => replicas[n % 2].NextChangeIdAsync(2026, CancellationToken.None))));

        Assert.Equal(200, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 200), ids.Select(id => id.Number).Order());
        Assert.All(ids, id => Assert.Equal(2026, id.Year));
    }

    [Theory]
    [BothDatabases]
    public async Task NextChangeId_AfterAUseCaseFailed_DoesNotReuseItsNumber(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var lost = await db.Store.NextChangeIdAsync(2026, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.WriteAsync<ChangeId>(
            (_, _) => throw new InvalidOperationException("the use case failed after taking a number"),
            CancellationToken.None));

        var next = await db.Store.NextChangeIdAsync(2026, CancellationToken.None);

        Assert.Equal(lost.Number + 1, next.Number);
    }
}
