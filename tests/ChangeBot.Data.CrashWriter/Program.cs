using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Migrations;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Data.CrashWriter;

/// <summary>
/// usage: ChangeBot.Data.CrashWriter &lt;Sqlite|Postgres&gt; &lt;connection string&gt;. Prints "committed CR-…" after each
/// commit, so the parent knows what must survive the kill.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 2 || !Enum.TryParse<StorageProvider>(args[0], out var provider))
        {
            await Console.Error.WriteLineAsync("usage: ChangeBot.Data.CrashWriter <Sqlite|Postgres> <connection string>");
            return 2;
        }

        // The tests' fixed "now", so what it writes is due on the parent's fake clock.
        var clock = new FakeTimeProvider(ContentBuilder.Now);
        var dialect = DataServiceCollectionExtensions.CreateDialect(provider, args[1]);
        var store = new ChangeBotStore(dialect, clock, Options.Create(new StorageOptions { Provider = provider }));
        await new MigrationRunner(dialect, clock).ApplyAsync(CancellationToken.None);
        Console.WriteLine("ready");

        while (true)
        {
            var id = await store.NextChangeIdAsync(2026, CancellationToken.None);
            var change = ChangeRequest.File(id, ContentBuilder.Requester, ContentBuilder.Normal(), ChangeRules.Default, false, ContentBuilder.Now);
            await store.WriteAsync(
                async (unit, token) =>
                {
                    await unit.Changes.InsertAsync(change, token);
                    unit.Audit(AuditEntry.Of(change.Requester, ActorSource.Slack, "change.filed", change.Id, new { change.Title }));
                    unit.Enqueue(OutboxMessage.Post("C0CHANGE", $$"""{"text":"{{id}} filed"}""", $"{id}/change"));
                    unit.Enqueue(OutboxMessage.Post("C0CHANGE", $$"""{"text":"{{id}}: reviewers, please approve"}""", threadKey: $"{id}/change"));
                    unit.Enqueue(OutboxMessage.Post(change.Executor, $$"""{"text":"You execute {{id}}"}"""));
                    return id;
                },
                CancellationToken.None);
            Console.WriteLine($"committed {id}");
        }
    }
}
