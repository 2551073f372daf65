using System.Text.Json.Nodes;
using ChangeBot.Slack.Hosting;
using ChangeBot.Slack.Tests.Routing;
using ChangeBot.Testing.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeBot.Slack.Tests.SocketMode;

/// <summary>The bot's Socket Mode client, in a real host, against Slack's side of the protocol on loopback.</summary>
public sealed class SocketModeTests : IAsyncLifetime, IDisposable
{
    private readonly ObservableFakeTime _time = new();
    private readonly HandlerProbe _probe = new();
    private SlackStandIn _webApi = null!;
    private SocketModeStandIn _slack = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _webApi = await SlackStandIn.StartAsync();
        _slack = await SocketModeStandIn.StartAsync(_webApi);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:SocketMode"] = "true",
            ["Slack:AppToken"] = SocketModeStandIn.AppToken,
            ["Slack:BotToken"] = SlackStandIn.BotToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
        });
        builder.Services
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(_probe)
            .AddSlack(builder.Configuration)
            .AddSlackCommand<EchoCommand>("/echo")
            .AddSlackCommand<SlowAfterAckCommand>("/slow")
            .AddSlackViewSubmission<ErrorsSubmission>("cr.new")
            .AddSlackEvent<CountingListener>("app_home_opened");
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _slack.DisposeAsync();
        await _webApi.DisposeAsync();
    }

    public void Dispose() => _time.Dispose();

    [Fact]
    public async Task Envelopes_AcrossADisconnectAndADroppedSocket_EachHandledOnceAndAckedWithTheHttpBody()
    {
        await _slack.WaitForConnectionAsync(1);

        var command = await _slack.SendEnvelopeAsync("slash_commands", Command("/echo", "hello"));
        var commandAck = await _slack.WaitForAckAsync(command);
        Assert.Equal("""{"response_type":"ephemeral","text":"echo hello"}""", commandAck["payload"]!.ToJsonString());

        var submission = await _slack.SendEnvelopeAsync("interactive", ViewSubmission("cr.new"));
        var submissionAck = await _slack.WaitForAckAsync(submission);
        Assert.Equal("errors", submissionAck["payload"]!["response_action"]!.ToString());
        Assert.Equal("A title is required", submissionAck["payload"]!["errors"]!["title"]!.ToString());

        // Slack asks for a refresh in the middle: the bot reconnects at once, no backoff, and carries on.
        await _slack.SendDisconnectAsync("refresh_requested");
        await _slack.WaitForConnectionAsync(2);
        var homeOpened = await _slack.SendEnvelopeAsync("events_api", HomeOpened("Ev01"));
        var eventAck = await _slack.WaitForAckAsync(homeOpened);
        Assert.Null(eventAck["payload"]);
        Assert.Equal("Ev01", await _probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10)));

        // A lost connection: the bot waits its first backoff (1 s on its clock), then opens a new one.
        _slack.DropNewest();
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await _slack.WaitForConnectionAsync(3);
        var again = await _slack.SendEnvelopeAsync("slash_commands", Command("/echo", "still here"));
        Assert.Equal("echo still here", (await _slack.WaitForAckAsync(again))["payload"]!["text"]!.ToString());

        Assert.Equal(3, _slack.Opens);
        Assert.Equal(2, _probe.Instances.Count);
        Assert.Equal(1, _probe.EventRuns);
        Assert.DoesNotContain(_slack.AckedEnvelopes, id => id.EndsWith("#duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Envelope_WithAfterAckWork_RunsItOnceTheAckIsOut()
    {
        await _slack.WaitForConnectionAsync(1);
        _probe.Gate.TrySetResult();

        var slow = await _slack.SendEnvelopeAsync("slash_commands", Command("/slow"));

        Assert.Equal("on it", (await _slack.WaitForAckAsync(slow))["payload"]!["text"]!.ToString());
        await _probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var post = Assert.Single(await _webApi.WaitForCallsAsync("chat.postMessage"));
        Assert.True(post.Ok, post.Error);
        Assert.Equal("slow work done", post.Arg("text"));
    }

    [Fact]
    public async Task Envelope_Redelivered_EventListenerRunsOnce()
    {
        await _slack.WaitForConnectionAsync(1);

        var first = await _slack.SendEnvelopeAsync("events_api", HomeOpened("Ev02"));
        var retry = await _slack.SendEnvelopeAsync("events_api", HomeOpened("Ev02"), retryAttempt: 1);
        await _slack.WaitForAckAsync(first);
        await _slack.WaitForAckAsync(retry);
        await _probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, _probe.EventRuns);
    }

    [Fact]
    public async Task Envelope_Malformed_IsAckedWithoutPayloadAndTheConnectionStays()
    {
        await _slack.WaitForConnectionAsync(1);

        var broken = await _slack.SendEnvelopeAsync("slash_commands", new JsonObject { ["text"] = "no command, no user" });
        var ack = await _slack.WaitForAckAsync(broken);
        var next = await _slack.SendEnvelopeAsync("slash_commands", Command("/echo", "fine"));

        Assert.Null(ack["payload"]);
        Assert.Equal("echo fine", (await _slack.WaitForAckAsync(next))["payload"]!["text"]!.ToString());
        Assert.Equal(1, _slack.Connections);
    }

    // Socket Mode carries the same fields as the HTTP form, as JSON.
    private static JsonObject Command(string command, string text = "")
    {
        var payload = new JsonObject();
        foreach (var (key, value) in SlackRequestSigner.CommandFields(text, command))
        {
            payload[key] = value;
        }

        return payload;
    }

    private static JsonObject ViewSubmission(string callbackId) => new()
    {
        ["type"] = "view_submission",
        ["team"] = new JsonObject { ["id"] = SlackStandIn.TeamId },
        ["user"] = new JsonObject { ["id"] = "U0ALICE" },
        ["trigger_id"] = "2.T0STANDIN.trigger",
        ["view"] = new JsonObject
        {
            ["id"] = "V0001",
            ["callback_id"] = callbackId,
            ["private_metadata"] = "",
            ["hash"] = "h",
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
        },
    };

    private static JsonObject HomeOpened(string eventId) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = SlackStandIn.TeamId,
        ["api_app_id"] = "A0STANDIN",
        ["event_id"] = eventId,
        ["event_time"] = 1_772_442_000,
        ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U0ALICE", ["channel"] = "D0ALICE", ["tab"] = "home" },
    };
}
