using System.Collections.Concurrent;
using System.Diagnostics;
using ChangeBot.Data;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Testing.Data;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Features.Outbox;

public class CrashSafetyTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const int CommitsBeforeKill = 25;

    [Theory]
    [BothDatabases]
    public async Task Restart_AfterTheWriterIsKilledMidWrite_LosesNoCommittedChangeAndDeliversEveryOwedMessageExactlyOnce(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        var committed = await RunWriterAndKillItAsync(provider, db.ConnectionString);

        // The restart: migrations find nothing to do, then the outbox worker drains what is owed.
        Assert.Empty(await db.Migrations().ApplyAsync(CancellationToken.None));
        var stored = await db.ScalarAsync<long>("SELECT COUNT(*) FROM change_requests");
        foreach (var id in committed)
        {
            Assert.NotNull(await db.Store.GetAsync(ChangeId.Parse(id), CancellationToken.None));
        }

        // Killed between a commit and its "committed" line at most once.
        Assert.InRange(stored, committed.Count, committed.Count + 1);
        var audit = await db.Audit.VerifyAsync(CancellationToken.None);
        Assert.True(audit.IsIntact, audit.Message);
        Assert.Equal(stored, audit.EntriesChecked);
        Assert.Equal(3 * stored, (await db.Outbox.CountAsync(CancellationToken.None))[OutboxState.Pending]);

        await using var slack = await SlackStandIn.StartAsync();
        // The executor's DM: Slack takes a user id as the channel of chat.postMessage.
        slack.AddChannel(ContentBuilder.Executor);
        using var outbox = new OutboxHarness(db, slack);
        await outbox.DrainAsync();
        await outbox.DrainAsync();

        var calls = outbox.Delivered;
        Assert.Equal(3 * stored, calls.Count);
        Assert.Equal(3 * stored, slack.Calls.Count);
        var announcements = calls.Where(call => call.Arg("channel") == "C0CHANGE" && call.Arg("thread_ts") is null).ToList();
        Assert.Equal(stored, announcements.Select(call => call.Arg("text")).Distinct().Count());
        Assert.Equal(stored, announcements.Count);
        foreach (var id in committed)
        {
            var announcement = Assert.Single(announcements, call => call.Arg("text") == $"{id} filed");
            var reply = Assert.Single(calls, call => call.Arg("text") == $"{id}: reviewers, please approve");
            Assert.Equal(announcement.Ts, reply.Arg("thread_ts"));
            Assert.Single(calls, call => call.Arg("text") == $"You execute {id}" && call.Arg("channel") == ContentBuilder.Executor);
        }

        var counts = await db.Outbox.CountAsync(CancellationToken.None);
        Assert.Equal((0L, 0L, 3 * stored), (counts[OutboxState.Pending], counts[OutboxState.Dead], counts[OutboxState.Sent]));
    }

    /// <summary>Starts the writer, lets it commit a few change requests, and kills it (SIGKILL) while it keeps writing.</summary>
    private static async Task<List<string>> RunWriterAndKillItAsync(StorageProvider provider, string connectionString)
    {
        var committed = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChangeBot.Data.CrashWriter.dll"));
        start.ArgumentList.Add(provider.ToString());
        start.ArgumentList.Add(connectionString);
        using var writer = new Process { StartInfo = start };
        writer.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("committed ", StringComparison.Ordinal) == true)
            {
                committed.Enqueue(line.Data["committed ".Length..]);
                if (committed.Count >= CommitsBeforeKill)
                {
                    enough.TrySetResult();
                }
            }
        };
        writer.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                errors.Enqueue(line.Data);
            }
        };
        writer.Start();
        writer.BeginOutputReadLine();
        writer.BeginErrorReadLine();
        var exited = writer.WaitForExitAsync();
        if (await Task.WhenAny(enough.Task, exited, Task.Delay(TimeSpan.FromMinutes(2))) != enough.Task)
        {
            writer.Kill();
            Assert.Fail($"The writer did not commit {CommitsBeforeKill} change requests: {string.Join('\n', errors)}");
        }

        // Process.Kill sends SIGKILL on Unix: no finally block, no flush, no graceful close of the database.
        writer.Kill();
        await exited;
        Assert.Equal(137, writer.ExitCode);
        return [.. committed];
    }
}
