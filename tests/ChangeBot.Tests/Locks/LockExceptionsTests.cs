using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Locks;
using ChangeBot.Testing.Data;
using ChangeBot.Tests.Scheduling;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Locks;

/// <summary>An exception to a lock goes to its exception approver with Approve/Deny buttons; the decision is recorded once.</summary>
public sealed class LockExceptionsTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private static readonly DateTimeOffset InFreeze = new(2026, 3, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Request_DuringAFreezeThatAllowsIt_DmsTheApproverWithButtonsAndApprovalIsRecordedOnce()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await StartWithFreezeAsync(db);
        var change = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(9).With(c => c with { PlannedStart = InFreeze }).Scheduled());
        var exceptions = host.Services.GetRequiredService<LockExceptions>();

        var asked = await exceptions.RequestAsync(change.Id, ExceptionCategory.SecurityPatchCritical, "CVE-2026-1234 in openssl", ContentBuilder.Requester, CancellationToken.None);

        Assert.True(asked.Succeeded, asked.Message);
        var dm = Assert.Single(await OwedRawAsync(db), row => row.Channel == ClockHost.VpeUser);
        var buttons = dm.Payload["blocks"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "actions")!["elements"]!.AsArray();
        Assert.Equal([ExceptionMessages.ApproveAction, ExceptionMessages.DenyAction], buttons.Select(b => b!["action_id"]!.GetValue<string>()));
        var request = ExceptionRequest.FromJson(buttons[0]!["value"]!.GetValue<string>())!;
        Assert.Equal(change.Id.ToString(), request.ChangeId);
        Assert.Contains(await Outbox.OwedAsync(db), m => m.ThreadKey == $"{change.Id}/change" && m.Text.Contains("asked for an exception", StringComparison.Ordinal));

        var byEngineer = await exceptions.DecideAsync(request, approve: true, "U0SOMEONE", CancellationToken.None);
        var byVpe = await exceptions.DecideAsync(request, approve: true, ClockHost.VpeUser, CancellationToken.None);
        var again = await exceptions.DecideAsync(request, approve: true, ClockHost.VpeUser, CancellationToken.None);

        Assert.False(byEngineer.Succeeded);
        Assert.Contains("Only the VPE", byEngineer.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(byVpe.Succeeded, byVpe.Message);
        Assert.False(again.Succeeded);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT COUNT(*) FROM overrides WHERE kind = 'lock-exception'"));
        Assert.Contains(await Outbox.OwedAsync(db), m => m.ThreadKey == $"{change.Id}/change" && m.Text.Contains("approved the exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Request_ACategoryTheFreezeDoesNotAllow_RefusedSayingWhatItAllows()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await StartWithFreezeAsync(db);
        var change = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(10).With(c => c with { PlannedStart = InFreeze }).Scheduled());

        var asked = await host.Services.GetRequiredService<LockExceptions>().RequestAsync(change.Id, ExceptionCategory.ActiveIncidentFix, "INC-7", ContentBuilder.Requester, CancellationToken.None);

        Assert.False(asked.Succeeded);
        Assert.Contains("allows security-patch-critical", asked.Message, StringComparison.Ordinal);
        Assert.Empty(await Outbox.OwedAsync(db));
    }

    [Fact]
    public async Task Request_NoLockAtThePlannedTime_RefusedAsNotNeeded()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var host = await StartWithFreezeAsync(db);
        var change = await CalendarMonthTests.SaveAsync(db, new ChangeRequestBuilder().Numbered(11).Scheduled());

        var asked = await host.Services.GetRequiredService<LockExceptions>().RequestAsync(change.Id, ExceptionCategory.SecurityPatchCritical, "CVE", ContentBuilder.Requester, CancellationToken.None);

        Assert.False(asked.Succeeded);
        Assert.Contains("needs no exception", asked.Message, StringComparison.Ordinal);
    }

    private static async Task<ClockHost> StartWithFreezeAsync(TestStore db)
    {
        var host = await ClockHost.StartAsync(db, db.Clock);
        var admin = new ChangeActor(Actor.Engineer("U0ADMIN", ApproverRole.Admin), Data.Audit.ActorSource.Slack);
        var freeze = new LockDefinition
        {
            Name = "Quarter close",
            Kind = LockKind.Freeze,
            Strength = LockStrength.Hard,
            Start = new DateTime(2026, 3, 30, 0, 0, 0),
            End = new DateTime(2026, 3, 31, 0, 0, 0),
            Exceptions = [ExceptionCategory.SecurityPatchCritical],
        };
        var declared = await host.Services.GetRequiredService<ChangeLocks>().DeclareAsync(freeze, admin, CancellationToken.None);
        Assert.True(declared.Succeeded, declared.Message);
        await db.ExecuteAsync("DELETE FROM outbox");
        return host;
    }

    private static async Task<List<(string Channel, JsonObject Payload)>> OwedRawAsync(TestStore db)
    {
        await using var connection = await db.Dialect.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string Channel, string Payload)>("SELECT channel, payload FROM outbox ORDER BY id");
        return [.. rows.Select(row => (row.Channel, JsonNode.Parse(row.Payload)!.AsObject()))];
    }
}
