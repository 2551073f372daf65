using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeBot.Data.Outbox;
using ChangeBot.Slack.Routing;
using ChangeBot.Testing.Slack;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Workflow;

/// <summary>
/// The whole bot for end-to-end tests: the real host (WebApplicationFactory) on a temporary SQLite file, talking to
/// the Slack stand-in on loopback, with channels and roles configured and a <see cref="FakeTimeProvider"/> as its
/// clock. Tests send what Slack sends (signed commands and interactions) and assert on what the stand-in receives
/// once the outbox has delivered it. The clock moves only when a test moves it, and only once the bot is quiet
/// (<see cref="SetUtcNowAsync"/>): a jump of hours while a Slack call is on its way would time that call out, and
/// its retry would then wait on a clock that stands still.
/// </summary>
public sealed partial class WorkflowHost : IAsyncDisposable
{
    public const string ChangeChannel = "C0CHANGE";
    public const string ProductionChannel = "C0PRODUCTION";
    public const string HandoffChannel = "C0HANDOFF";
    public const string SigningSecret = "e2e-signing-secret-0123456789abcdef";
    public const string ApiToken = "e2e-api-token-0123456789abcdef";

    /// <summary>Tuesday 1 December 2026, 12:00 UTC: normal changes may start Tue–Thu 02:00–06:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 03:00 UTC: inside the normal window and every criticality slot.</summary>
    public static readonly DateTimeOffset InWindow = new(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly WorkflowHostFactory _factory;
    private readonly string _database;

    private WorkflowHost(WorkflowHostFactory factory, SlackStandIn slack, FakeTimeProvider time, string database)
    {
        _factory = factory;
        Slack = slack;
        Time = time;
        _database = database;
        Signer = new SlackRequestSigner(SigningSecret, time);
        Client = factory.CreateClient();
        Interactions = new SlackInteractions(this);
    }

    public SlackStandIn Slack { get; }

    public FakeTimeProvider Time { get; }

    public SlackRequestSigner Signer { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Builds and sends the interactions a user makes (commands, button clicks, modal submits).</summary>
    public SlackInteractions Interactions { get; }

    /// <summary>Starts the stand-in and the host at <see cref="Now"/>; <paramref name="settings"/> add to or replace the defaults.</summary>
    public static Task<WorkflowHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => StartAsync(Now, settings);

    /// <summary>Starts the stand-in and the host with its clock at <paramref name="now"/>.</summary>
    public static async Task<WorkflowHost> StartAsync(DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(now);
        var slack = await SlackStandIn.StartAsync(time);
        slack.AddChannel(ProductionChannel);
        slack.AddChannel(HandoffChannel);
        slack.AddUsergroup(WorkflowUsers.EocGroup, WorkflowUsers.Eoc);
        foreach (var user in WorkflowUsers.People)
        {
            slack.AddUser(user, "UTC");
        }

        slack.AddBotUser(WorkflowUsers.SomeBot);
        var database = Path.Combine(Path.GetTempPath(), $"changebot-e2e-{Guid.NewGuid():N}.db");
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["ConnectionStrings:ChangeBot"] = $"Data Source={database}",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:BotToken"] = SlackStandIn.BotToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:Channels:Change"] = ChangeChannel,
            ["Slack:Channels:Production"] = ProductionChannel,
            ["Slack:Channels:Handoff"] = HandoffChannel,
            ["ChangeBot:Roles:Eoc:UserGroup"] = WorkflowUsers.EocGroup,
            ["ChangeBot:Roles:ReliabilityManager:Users:0"] = WorkflowUsers.ReliabilityManager,
            ["ChangeBot:Roles:Director:Users:0"] = WorkflowUsers.Director,
            ["ChangeBot:Roles:IncidentCommander:Users:0"] = WorkflowUsers.IncidentCommander,
            ["ChangeBot:Roles:Vpe:Users:0"] = WorkflowUsers.Vpe,
            ["ChangeBot:Roles:Admin:Users:0"] = WorkflowUsers.Admin,
            ["ChangeBot:Api:Tokens:0"] = ApiToken,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new WorkflowHostFactory(all, time);
        try
        {
            return new WorkflowHost(factory, slack, time, database);
        }
        catch
        {
            // The host refused to start (e.g. invalid settings): leave nothing running behind the exception.
            await factory.DisposeAsync();
            await slack.DisposeAsync();
            File.Delete(database);
            throw;
        }
    }

    /// <summary>Moves the bot's clock to <paramref name="to"/> once nothing runs after an ack and nothing owed to Slack is due or on its way.</summary>
    public async Task SetUtcNowAsync(DateTimeOffset to)
    {
        await QuietAsync();
        Time.SetUtcNow(to);
    }

    /// <summary>Moves the bot's clock on by <paramref name="by"/>, as <see cref="SetUtcNowAsync"/> does.</summary>
    public Task AdvanceAsync(TimeSpan by) => SetUtcNowAsync(Time.GetUtcNow() + by);

    /// <summary>An API request with the bearer token.</summary>
    public async Task<HttpResponseMessage> PostApiAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", ApiToken);
        return await Client.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetApiAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new("Bearer", ApiToken);
        return await Client.SendAsync(request);
    }

    /// <summary>Waits (bounded) for a call to <paramref name="method"/> that <paramref name="match"/> accepts.</summary>
    public async Task<RecordedSlackCall> WaitForAsync(string method, Func<RecordedSlackCall, bool> match)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var calls = Slack.CallsTo(method);
            if (calls.FirstOrDefault(match) is { } hit)
            {
                return hit;
            }

            if (limit.IsCancellationRequested)
            {
                throw new TimeoutException($"no matching {method} call arrived; {method} calls seen: {string.Join(" | ", calls.Select(TextOf))}");
            }

            try
            {
                await Slack.WaitForCallsAsync(method, calls.Count + 1);
            }
            catch (TimeoutException)
            {
                // Checked once more above, then reported with what did arrive.
            }
        }
    }

    /// <summary>The message keyed <c>{id}/change</c> once posted: where the CR's announcement lives.</summary>
    public async Task<SlackMessageRecord> AnnouncementAsync(string changeId)
    {
        await WaitForAsync("chat.postMessage", call => call.Arg("channel") == ChangeChannel && call.Arg("thread_ts") is null && TextOf(call).Contains(changeId, StringComparison.Ordinal));
        var store = Services.GetRequiredService<OutboxStore>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            // The post is recorded by the stand-in a moment before the worker stores its ts.
            if (await store.FindMessageAsync($"{changeId}/change", limit.Token) is { } record)
            {
                return record;
            }

            await Task.Yield();
        }
    }

    /// <summary>Waits for a reply in the CR's thread in #change whose text contains <paramref name="text"/>.</summary>
    public async Task<RecordedSlackCall> WaitForThreadReplyAsync(string changeId, string text)
    {
        var announcement = await AnnouncementAsync(changeId);
        return await WaitForAsync("chat.postMessage", call =>
            call.Arg("channel") == ChangeChannel && call.Arg("thread_ts") == announcement.Ts && TextOf(call).Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Waits for the CR's announcement to be updated to something containing <paramref name="text"/>.</summary>
    public async Task<RecordedSlackCall> WaitForAnnouncementUpdateAsync(string changeId, string text)
    {
        var announcement = await AnnouncementAsync(changeId);
        return await WaitForAsync("chat.update", call =>
            call.Arg("channel") == ChangeChannel && call.Arg("ts") == announcement.Ts && TextOf(call).Contains(text, StringComparison.Ordinal));
    }

    /// <summary>The latest version of the CR's announcement (the post or its last update).</summary>
    public async Task<RecordedSlackCall> LatestAnnouncementAsync(string changeId)
    {
        var announcement = await AnnouncementAsync(changeId);
        return Slack.Calls.Last(call =>
            (call.Method == "chat.update" && call.Arg("ts") == announcement.Ts)
            || (call.Method == "chat.postMessage" && call.Arg("channel") == ChangeChannel && call.Arg("thread_ts") is null && TextOf(call).Contains(changeId, StringComparison.Ordinal)));
    }

    /// <summary>Every reply posted in the CR's thread so far.</summary>
    public async Task<IReadOnlyList<RecordedSlackCall>> ThreadAsync(string changeId)
    {
        var announcement = await AnnouncementAsync(changeId);
        return [.. Slack.CallsTo("chat.postMessage").Where(call => call.Arg("thread_ts") == announcement.Ts)];
    }

    /// <summary>The private answers (response_url posts) a user got, newest last.</summary>
    public Task<RecordedSlackCall> WaitForPrivateReplyAsync(string text) =>
        WaitForAsync("response_url", call => TextOf(call).Contains(text, StringComparison.Ordinal));

    /// <summary>All the text a user would read in a call: its fallback text and every text in its blocks.</summary>
    public static string TextOf(RecordedSlackCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var texts = new List<string>();
        Collect(call.Arguments["text"], texts);
        Collect(call.Arguments["blocks"], texts);
        Collect(call.Arguments["view"], texts);
        return string.Join("\n", texts);
    }

    /// <summary>The buttons of a message or view: (action id, text, value).</summary>
    public static IReadOnlyList<(string ActionId, string Text, string? Value)> ButtonsOf(RecordedSlackCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var buttons = new List<(string, string, string?)>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj when obj["type"]?.GetValue<string>() == "button":
                    buttons.Add((obj["action_id"]!.GetValue<string>(), obj["text"]!["text"]!.GetValue<string>(), obj["value"]?.GetValue<string>()));
                    break;
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
                default:
                    break;
            }
        }

        Walk(call.Arguments["blocks"] is JsonNode blocks ? blocks : null);
        Walk(call.Arguments["view"]);
        return buttons;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Waits (bounded) until no deferred Slack work runs and no pending outbox entry is due (a due entry is also one being sent).</summary>
    private async Task QuietAsync()
    {
        var runner = Services.GetRequiredService<SlackDeferredRunner>();
        var outbox = Services.GetRequiredService<OutboxStore>();
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
            if (runner.IsIdle && !(await outbox.ListAsync(OutboxState.Pending, limit.Token)).Any(entry => entry.NextAttemptAt <= now))
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System, limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the bot did not settle within {WaitLimit.TotalSeconds} s before the clock moved; outbox:\n{await OutboxDumpAsync()}");
            }
        }
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                texts.Add(text);
                break;
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key is "text" or "fields" or "elements" or "blocks" or "label" or "hint" or "title" or "accessory" || child is JsonArray || child is JsonObject)
                    {
                        Collect(child, texts);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, texts);
                }

                break;
            default:
                break;
        }
    }
}
