using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Testing.Data;
using ChangeBot.Testing.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChangeBot.Tests.Locks;

/// <summary>
/// <c>/change pcl</c> and <c>/change freeze</c> through the whole bot: signed requests to the front door, the modal
/// opened on the Slack stand-in, the submission declaring the lock and the outbox announcing it in #change.
/// </summary>
public sealed class LockCommandEndToEndTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const string Secret = "e2e-signing-secret-0123456789abcdef";
    private const string AdminUser = "U0ALICE";

    [Fact]
    public async Task FreezeAdd_AdminSubmitsTheForm_ModalOpenedLockDeclaredAndAnnounced()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var slack = await SlackStandIn.StartAsync();
        slack.AddChannel("C0CHANGE");
        await using var bot = Bot(db, slack);
        using var client = bot.CreateClient();
        var signer = new SlackRequestSigner(Secret, TimeProvider.System);

        var trigger = slack.IssueTriggerId();
        using var add = await client.SendAsync(signer.Command("freeze add", new Dictionary<string, string?> { ["trigger_id"] = trigger }));
        var opened = Assert.Single(await slack.WaitForCallsAsync("views.open"));

        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.True(opened.Ok, opened.Error);
        var view = JsonNode.Parse(opened.Arg("view")!)!;
        Assert.Equal("lock.add", view["callback_id"]!.GetValue<string>());
        Assert.Equal("Freeze", view["private_metadata"]!.GetValue<string>());

        var start = TimeProvider.System.GetUtcNow().AddDays(10);
        using var submit = await client.SendAsync(signer.Interaction(Submission(AdminUser, start.ToUnixTimeSeconds(), start.AddDays(1).ToUnixTimeSeconds())));
        var posted = await slack.WaitForCallsAsync("chat.postMessage");

        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal("clear", JsonNode.Parse(await submit.Content.ReadAsStringAsync())!["response_action"]!.GetValue<string>());
        Assert.Contains(posted, call => call.Arg("channel") == "C0CHANGE" && call.Arg("text")!.Contains("declared the *hard freeze 'Board meeting'*", StringComparison.Ordinal));

        using var list = await client.SendAsync(signer.Command("freeze list"));
        var listed = JsonNode.Parse(await list.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", listed["response_type"]!.GetValue<string>());
        Assert.Contains("Board meeting", listed["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreezeAdd_StartingInSeconds_TheClockAnnouncesItsStartAndEndOnSlack()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var slack = await SlackStandIn.StartAsync();
        slack.AddChannel("C0CHANGE");
        await using var bot = Bot(db, slack);
        using var client = bot.CreateClient();
        var signer = new SlackRequestSigner(Secret, TimeProvider.System);
        var start = TimeProvider.System.GetUtcNow().AddSeconds(3);

        using var submit = await client.SendAsync(signer.Interaction(Submission(AdminUser, start.ToUnixTimeSeconds(), start.ToUnixTimeSeconds() + 2)));
        var posted = await slack.WaitForCallsAsync("chat.postMessage", 3);

        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var texts = posted.Where(call => call.Arg("channel") == "C0CHANGE").Select(call => call.Arg("text")!).ToList();
        Assert.Equal(3, texts.Count);
        Assert.Contains("declared the *hard freeze 'Board meeting'*", texts[0], StringComparison.Ordinal);
        Assert.Contains("The hard freeze 'Board meeting' has begun", texts[1], StringComparison.Ordinal);
        Assert.Contains("The hard freeze 'Board meeting' is over", texts[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PclAdd_NotAnAdmin_EphemeralRefusalAndNoModal()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var slack = await SlackStandIn.StartAsync();
        await using var bot = Bot(db, slack);
        using var client = bot.CreateClient();
        var signer = new SlackRequestSigner(Secret, TimeProvider.System);

        using var add = await client.SendAsync(signer.Command("pcl add", new Dictionary<string, string?> { ["user_id"] = "U0BOB", ["trigger_id"] = slack.IssueTriggerId() }));
        using var end = await client.SendAsync(signer.Command("pcl end Release day", new Dictionary<string, string?> { ["user_id"] = "U0BOB" }));
        using var usage = await client.SendAsync(signer.Command("pcl"));

        Assert.Contains("Only an Admin may declare a PCL", JsonNode.Parse(await add.Content.ReadAsStringAsync())!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Only an Admin", JsonNode.Parse(await end.Content.ReadAsStringAsync())!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Usage: `/change pcl add`", JsonNode.Parse(await usage.Content.ReadAsStringAsync())!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(slack.CallsTo("views.open"));
    }

    private static WebApplicationFactory<Program> Bot(TestStore db, SlackStandIn slack) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("ConnectionStrings:ChangeBot", db.ConnectionString)
            .UseSetting("Slack:SigningSecret", Secret)
            .UseSetting("Slack:BotToken", SlackStandIn.BotToken)
            .UseSetting("Slack:ApiBaseUrl", slack.ApiBaseUrl.ToString())
            .UseSetting("Slack:Channels:Change", "C0CHANGE")
            .UseSetting("ChangeBot:Roles:Admin:Users:0", AdminUser));

    private static string Submission(string user, long start, long end)
    {
        static JsonObject Text(string value) => new() { ["type"] = "plain_text_input", ["value"] = value };
        static JsonObject Select(string value) => new() { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = value } };
        static JsonObject Picker(long at) => new() { ["type"] = "datetimepicker", ["selected_date_time"] = at };
        var values = new JsonObject
        {
            ["name"] = new JsonObject { ["name"] = Text("Board meeting") },
            ["strength"] = new JsonObject { ["strength"] = Select("hard") },
            ["start"] = new JsonObject { ["start"] = Picker(start) },
            ["end"] = new JsonObject { ["end"] = Picker(end) },
            ["recurrence"] = new JsonObject { ["recurrence"] = Select("none") },
            ["zone"] = new JsonObject { ["zone"] = Text("UTC") },
            ["approver"] = new JsonObject { ["approver"] = Select("Vpe") },
        };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackStandIn.TeamId },
            ["user"] = new JsonObject { ["id"] = user, ["team_id"] = SlackStandIn.TeamId },
            ["api_app_id"] = "A0CHANGEBOT",
            ["view"] = new JsonObject
            {
                ["id"] = "V0LOCKFORM",
                ["type"] = "modal",
                ["callback_id"] = "lock.add",
                ["private_metadata"] = "Freeze",
                ["state"] = new JsonObject { ["values"] = values },
            },
        }.ToJsonString();
    }
}
