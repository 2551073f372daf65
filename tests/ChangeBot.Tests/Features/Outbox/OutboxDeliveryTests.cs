using ChangeBot.Data;
using ChangeBot.Data.Outbox;
using ChangeBot.Testing.Data;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Features.Outbox;

public class OutboxDeliveryTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const string Change = "C0CHANGE";
    private const string Production = "C0PROD";

    [Theory]
    [BothDatabases]
    public async Task Deliver_AnnouncementAndThreadReplyOwedTogether_ReplyLandsInTheAnnouncementsThread(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        using var outbox = new OutboxHarness(db, slack);
        await outbox.EnqueueAsync(
            OutboxMessage.Post(Change, """{"text":"CR-2026-0001 filed"}""", "CR-2026-0001/change"),
            OutboxMessage.Post(Change, """{"text":"Reviewers: please approve"}""", threadKey: "CR-2026-0001/change"));

        await outbox.DrainAsync();

        var calls = outbox.Delivered;
        Assert.Collection(
            calls,
            announcement => Assert.Equal(("chat.postMessage", Change, null), (announcement.Method, announcement.Arg("channel"), announcement.Arg("thread_ts"))),
            reply => Assert.Equal(calls[0].Ts, reply.Arg("thread_ts")));
        Assert.Equal(new SlackMessageRecord("CR-2026-0001/change", Change, calls[0].Ts!), await db.Outbox.FindMessageAsync("CR-2026-0001/change", CancellationToken.None));
    }

    [Theory]
    [BothDatabases]
    public async Task Deliver_UpdateAddressedByMessageKey_EditsThePostedMessage(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        using var outbox = new OutboxHarness(db, slack);
        await outbox.EnqueueAsync(OutboxMessage.Post(Change, """{"text":"submitted"}""", "CR-2026-0001/change"));
        await outbox.EnqueueAsync(OutboxMessage.Update(Change, "CR-2026-0001/change", """{"text":"approved"}"""));

        await outbox.DrainAsync();

        var calls = outbox.Delivered;
        Assert.Equal(["chat.postMessage", "chat.update"], calls.Select(call => call.Method));
        Assert.Equal(calls[0].Ts, calls[1].Arg("ts"));
        Assert.Equal("approved", calls[1].Arg("text"));
    }

    [Theory]
    [BothDatabases]
    public async Task Deliver_PostWhoseMessageKeyAlreadyHasATs_UpdatesThatMessageInsteadOfPostingTwice(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        using var outbox = new OutboxHarness(db, slack);
        await outbox.EnqueueAsync(OutboxMessage.Post(Change, """{"text":"first"}""", "CR-2026-0001/change"));
        await outbox.DrainAsync();

        await outbox.EnqueueAsync(OutboxMessage.Post(Change, """{"text":"again"}""", "CR-2026-0001/change"));
        await outbox.DrainAsync();

        var calls = outbox.Delivered;
        Assert.Equal(["chat.postMessage", "chat.update"], calls.Select(call => call.Method));
        Assert.Equal(calls[0].Ts, calls[1].Arg("ts"));
        Assert.Equal(0, (await db.Outbox.CountAsync(CancellationToken.None))[OutboxState.Pending]);
    }

    [Theory]
    [BothDatabases]
    public async Task Deliver_TransientFailure_RetriesAfterTheBackoffAndKeepsTheChannelsOrder(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        slack.AddChannel(Production);
        using var outbox = new OutboxHarness(db, slack);
        await outbox.EnqueueAsync(
            OutboxMessage.Post(Change, """{"text":"one"}"""),
            OutboxMessage.Post(Change, """{"text":"two"}"""),
            OutboxMessage.Post(Production, """{"text":"elsewhere"}"""));
        slack.FailNextWith(1, "internal_error");

        await outbox.DrainAsync();

        Assert.Equal(["elsewhere"], outbox.Delivered.Select(call => call.Arg("text")));
        var failed = Assert.Single(await db.Outbox.ListAsync(OutboxState.Pending, CancellationToken.None), entry => entry.Attempts == 1);
        Assert.Equal("internal_error", failed.LastError);

        db.Clock.Advance(outbox.Options.RetryDelay);
        await outbox.DrainAsync();

        Assert.Equal(["elsewhere", "one", "two"], outbox.Delivered.Select(call => call.Arg("text")));
    }

    [Theory]
    [BothDatabases]
    public async Task Deliver_FailingEveryTime_DeadLettersAfterMaxAttemptsAndFreesTheChannel(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        using var outbox = new OutboxHarness(db, slack);
        await outbox.EnqueueAsync(OutboxMessage.Post(Change, """{"text":"doomed"}"""), OutboxMessage.Post(Change, """{"text":"next"}"""));
        slack.FailNextWith(3, "internal_error");

        for (var attempt = 0; attempt < outbox.Options.MaxAttempts; attempt++)
        {
            await outbox.DrainAsync();
            db.Clock.Advance(outbox.Options.MaxRetryDelay);
        }

        var dead = Assert.Single(await db.Outbox.ListAsync(OutboxState.Dead, CancellationToken.None));
        Assert.Equal(3, dead.Attempts);
        Assert.Contains("gave up after 3 attempts", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(["next"], outbox.Delivered.Select(call => call.Arg("text")));
        Assert.Equal(4, slack.Calls.Count);
    }

    [Theory]
    [BothDatabases]
    public async Task Deliver_PermanentSlackError_DeadLettersAtOnce(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        using var outbox = new OutboxHarness(db, slack);
        // The stand-in does not know C0GONE, so it answers channel_not_found as Slack does.
        await outbox.EnqueueAsync(OutboxMessage.Post("C0GONE", """{"text":"lost channel"}"""));

        await outbox.DrainAsync();

        var dead = Assert.Single(await db.Outbox.ListAsync(OutboxState.Dead, CancellationToken.None));
        Assert.Equal(("channel_not_found", 1L), (dead.LastError, dead.Attempts));
        Assert.Single(slack.Calls);
    }

    [Theory]
    [BothDatabases]
    public async Task Deliver_RateLimited_WaitsTheTimeSlackAskedWithoutSpendingAnAttempt(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        using var outbox = new OutboxHarness(db, slack);
        await outbox.EnqueueAsync(OutboxMessage.Post(Change, """{"text":"busy"}"""));
        // Not the sender's 30 s fallback, so the test sees whether Retry-After itself is honoured.
        slack.FailNext(1, 429, retryAfterSeconds: 20);

        await outbox.DrainAsync();
        db.Clock.Advance(TimeSpan.FromSeconds(19));
        await outbox.DrainAsync();

        Assert.Empty(outbox.Delivered);
        var waiting = Assert.Single(await db.Outbox.ListAsync(OutboxState.Pending, CancellationToken.None));
        Assert.Equal(0, waiting.Attempts);

        db.Clock.Advance(TimeSpan.FromSeconds(1));
        await outbox.DrainAsync();

        Assert.Equal(["busy"], outbox.Delivered.Select(call => call.Arg("text")));
    }

    [Theory]
    [BothDatabases]
    public async Task Deliver_ReplyWhoseParentWasDeadLettered_IsDeadLetteredToo(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        using var outbox = new OutboxHarness(db, slack);
        await outbox.EnqueueAsync(
            OutboxMessage.Post(Change, """{"text":"parent"}""", "CR-2026-0001/change"),
            OutboxMessage.Post(Change, """{"text":"reply"}""", threadKey: "CR-2026-0001/change"));
        slack.FailNextWith(1, "invalid_blocks");

        await outbox.DrainAsync();

        var dead = await db.Outbox.ListAsync(OutboxState.Dead, CancellationToken.None);
        Assert.Equal(["invalid_blocks", "the thread's parent message (CR-2026-0001/change) was never posted"], dead.Select(entry => entry.LastError));
        Assert.Empty(outbox.Delivered);
        Assert.Single(slack.Calls);
    }

    [Theory]
    [BothDatabases]
    public async Task Deliver_TwoReplicasDeliveringAtOnce_SendEachMessageOnceInOrder(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        using var first = new OutboxHarness(db, slack, new OutboxStore(db.NewPool("replica-a")));
        using var second = new OutboxHarness(db, slack, new OutboxStore(db.NewPool("replica-b")));
        var messages = Enumerable.Range(1, 30)
            .Select(n => OutboxMessage.Post($"C0CHAN{n % 3}", $$"""{"text":"{{n}}"}"""))
            .ToArray();
        foreach (var channel in messages.Select(message => message.Channel).Distinct())
        {
            slack.AddChannel(channel);
        }

        await first.EnqueueAsync(messages);

        await Task.WhenAll(Task.Run(first.DrainAsync), Task.Run(second.DrainAsync));
        await first.DrainAsync();

        var calls = first.Delivered;
        Assert.Equal(30, calls.Count);
        Assert.Equal(30, slack.Calls.Count);
        Assert.Equal(30, calls.Select(call => call.Arg("text")).Distinct().Count());
        foreach (var channel in calls.GroupBy(call => call.Arg("channel")))
        {
            var numbers = channel.Select(call => int.Parse(call.Arg("text")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers.Order(), numbers);
        }
    }
}
