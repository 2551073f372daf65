using ChangeBot.Data.Deliveries;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

/// <summary>A delivery is acted on once across replicas: the first claim of a key wins until it expires.</summary>
public class DeliveryClaimTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    [BothDatabases]
    public async Task TryClaim_TwoReplicasClaimingTheSameKeysAtOnce_EachKeyIsWonExactlyOnce(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var replicas = new[] { new DeliveryClaims(db.NewPool("replica-a"), db.Clock), new DeliveryClaims(db.NewPool("replica-b"), db.Clock) };

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(n =>
            Task.Run(async () => (Key: $"Ev{n % 10}", Won: await replicas[n % 2].TryClaimAsync(DeliveryClaims.SlackEvent, $"Ev{n % 10}", Hour, CancellationToken.None)))));

        Assert.All(results.GroupBy(result => result.Key), group => Assert.Single(group, result => result.Won));
        Assert.Equal(10, await db.ScalarAsync<long>("SELECT COUNT(*) FROM delivery_claims"));
    }

    [Theory]
    [BothDatabases]
    public async Task TryClaim_SameKeyOfAnotherKind_IsItsOwnClaim(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var claims = new DeliveryClaims(db.Dialect, db.Clock);

        Assert.True(await claims.TryClaimAsync(DeliveryClaims.SlackEvent, "same", Hour, CancellationToken.None));
        Assert.True(await claims.TryClaimAsync(DeliveryClaims.Alert, "same", Hour, CancellationToken.None));
        Assert.False(await claims.TryClaimAsync(DeliveryClaims.Alert, "same", Hour, CancellationToken.None));
    }

    [Theory]
    [BothDatabases]
    public async Task TryClaim_AfterTheClaimExpired_CanBeClaimedAgainAndOldClaimsAreSwept(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var claims = new DeliveryClaims(db.Dialect, db.Clock);
        Assert.True(await claims.TryClaimAsync(DeliveryClaims.SlackEvent, "EvOLD", Hour, CancellationToken.None));
        Assert.True(await claims.TryClaimAsync(DeliveryClaims.SlackEvent, "EvSTALE", Hour, CancellationToken.None));
        db.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await claims.TryClaimAsync(DeliveryClaims.SlackEvent, "EvOLD", Hour, CancellationToken.None));

        db.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await claims.TryClaimAsync(DeliveryClaims.SlackEvent, "EvOLD", Hour, CancellationToken.None);

        Assert.True(again);
        Assert.Equal(["EvOLD"], await KeysAsync(db));
    }

    [Theory]
    [BothDatabases]
    public async Task TryClaimInAUnit_UnitRolledBack_TheClaimIsReleased(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Store.WriteAsync<bool>(
            async (unit, token) =>
            {
                Assert.True(await unit.TryClaimAsync(DeliveryClaims.Alert, "AM-1/firing", Hour, token));
                throw new InvalidOperationException("the use case failed after claiming");
            },
            CancellationToken.None));

        var claimed = await db.Store.WriteAsync((unit, token) => unit.TryClaimAsync(DeliveryClaims.Alert, "AM-1/firing", Hour, token), CancellationToken.None);
        var twice = await db.Store.WriteAsync((unit, token) => unit.TryClaimAsync(DeliveryClaims.Alert, "AM-1/firing", Hour, token), CancellationToken.None);

        Assert.True(claimed);
        Assert.False(twice);
    }

    private static async Task<List<string>> KeysAsync(TestStore db)
    {
        await using var connection = await db.Dialect.OpenAsync(CancellationToken.None);
        var keys = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT claim_key FROM delivery_claims ORDER BY claim_key");
        return [.. keys];
    }
}
