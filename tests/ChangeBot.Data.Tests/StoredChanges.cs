using ChangeBot.Data.Audit;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Testing.Data;

namespace ChangeBot.Data.Tests;

/// <summary>Files change requests the way the intake use case will: number, insert, audit and announce in one unit of work.</summary>
internal static class StoredChanges
{
    public static ChangeRequestContent MediumRisk() => ContentBuilder.WithRisk(ContentBuilder.RiskScoring(8));

    public static async Task<ChangeRequest> FileAsync(TestStore db, ChangeRequestContent? content = null, ChangeBotStore? store = null)
    {
        store ??= db.Store;
        var id = await store.NextChangeIdAsync(2026, CancellationToken.None);
        var change = ChangeRequest.File(id, ContentBuilder.Requester, content ?? ContentBuilder.Normal(), ChangeRules.Default, false, db.Clock.GetUtcNow());
        return await SaveNewAsync(store, change);
    }

    public static Task<ChangeRequest> SaveNewAsync(ChangeBotStore store, ChangeRequest change) =>
        store.WriteAsync(
            async (unit, token) =>
            {
                await unit.Changes.InsertAsync(change, token);
                unit.Audit(AuditEntry.Of(change.Requester, ActorSource.Slack, "change.filed", change.Id, new { change.Title }));
                unit.Enqueue(OutboxMessage.Post("C0CHANGE", $$"""{"text":"{{change.Id}} filed"}""", $"{change.Id}/change"));
                return change;
            },
            CancellationToken.None);
}
