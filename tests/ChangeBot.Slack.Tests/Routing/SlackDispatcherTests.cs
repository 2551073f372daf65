using ChangeBot.Slack.Hosting;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using ChangeBot.Testing.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Slack.Tests.Routing;

public sealed class SlackDispatcherTests : IAsyncLifetime, IDisposable
{
    private readonly ObservableFakeTime _time = new();
    private readonly HandlerProbe _probe = new();
    private SlackStandIn _slack = null!;
    private ServiceProvider _services = null!;

    private SlackDispatcher Dispatcher => _services.GetRequiredService<SlackDispatcher>();

    private SlackDeferredRunner Runner => _services.GetRequiredService<SlackDeferredRunner>();

    public async Task InitializeAsync()
    {
        _slack = await SlackStandIn.StartAsync(_time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackStandIn.BotToken,
            ["Slack:SigningSecret"] = "dispatcher-signing-secret",
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(_probe)
            .AddSlack(configuration)
            .AddSlackCommand<EchoCommand>("/echo")
            .AddSlackCommand<ThrowingCommand>("/throw")
            .AddSlackCommand<SlowAfterAckCommand>("/slow")
            .AddSlackCommand<FailingAfterAckCommand>("/fail-after")
            .AddSlackCommand<StuckCommand>("/stuck")
            .AddSlackActionPrefix<ApproveAction>("cr.approve:")
            .AddSlackAction<ThrowingAction>("cr.explode")
            .AddSlackViewSubmission<ErrorsSubmission>("cr.new")
            .AddSlackViewSubmission<ThrowingSubmission>("cr.broken")
            .AddSlackSuggestion<ServiceOptions>("cr.services")
            .AddSlackSuggestion<ThrowingOptions>("cr.broken-options")
            .AddSlackEvent<CountingListener>("app_home_opened");
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public async Task DisposeAsync()
    {
        await Runner.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
    }

    public void Dispose() => _time.Dispose();

    private SlashCommand Command(string command, string text = "") => new()
    {
        Command = command,
        Text = text,
        UserId = "U0ALICE",
        TeamId = SlackStandIn.TeamId,
        ChannelId = "C0CHANGE",
        ResponseUrl = _slack.NewResponseUrl().ToString(),
        TriggerId = _slack.IssueTriggerId(),
    };

    private BlockActionsPayload Click(string actionId) => new()
    {
        Type = InteractionTypes.BlockActions,
        User = new SlackUser { Id = "U0ALICE" },
        Channel = new SlackChannel { Id = "C0CHANGE" },
        ResponseUrl = _slack.NewResponseUrl().ToString(),
        Actions = [new BlockAction { ActionId = actionId, Type = "button", Value = "1" }],
    };

    private static ViewSubmissionPayload Submit(string callbackId) => new()
    {
        Type = InteractionTypes.ViewSubmission,
        User = new SlackUser { Id = "U0ALICE" },
        View = new SlackViewPayload { Id = "V1", CallbackId = callbackId },
    };

    private static BlockSuggestionPayload Suggest(string actionId, string typed) => new()
    {
        Type = InteractionTypes.BlockSuggestion,
        User = new SlackUser { Id = "U0ALICE" },
        ActionId = actionId,
        BlockId = "services",
        Value = typed,
        View = new SlackViewPayload { Id = "V1", CallbackId = "cr.intake" },
    };

    private static List<string> OptionValues(SlackAck ack) =>
        [.. ack.Body!["options"]!.AsArray().Select(option => option!["value"]!.GetValue<string>())];

    [Fact]
    public async Task Dispatch_BlockSuggestion_LoaderAnswersTheMatchingOptions()
    {
        var ack = (await Dispatcher.DispatchAsync(SlackInbound.Interaction(Suggest("cr.services", "redis")))).Ack;

        Assert.Equal(["redis-cluster-primary"], OptionValues(ack));
        Assert.Equal("redis-cluster-primary", ack.Body!["options"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dispatch_BlockSuggestion_MoreThanSlacksLimit_First100Sent()
    {
        var ack = (await Dispatcher.DispatchAsync(SlackInbound.Interaction(Suggest("cr.services", "service-")))).Ack;

        Assert.Equal(100, OptionValues(ack).Count);
    }

    [Theory]
    [InlineData("cr.unknown-select")]
    [InlineData("cr.broken-options")]
    public async Task Dispatch_BlockSuggestion_NoLoaderOrItFails_EmptyOptionsNotAnError(string actionId)
    {
        var result = await Dispatcher.DispatchAsync(SlackInbound.Interaction(Suggest(actionId, "x")));

        Assert.Equal("""{"options":[]}""", result.Ack.ToJson());
        Assert.Empty(result.Deferred);
    }

    private async Task<SlackAck> DispatchAndRunAsync(SlackInbound inbound)
    {
        var result = await Dispatcher.DispatchAsync(inbound);
        Runner.Start(result.Deferred);
        return result.Ack;
    }

    private static string? Text(SlackAck ack) => ack.Body?["text"]?.GetValue<string>();

    [Fact]
    public async Task Dispatch_Command_HandlerAckReturned_NewHandlerPerRequest()
    {
        var first = await Dispatcher.DispatchAsync(SlackInbound.Command(Command("/echo", "one")));
        var second = await Dispatcher.DispatchAsync(SlackInbound.Command(Command("/echo", "two")));

        Assert.Equal(("echo one", "ephemeral"), (Text(first.Ack), first.Ack.Body!["response_type"]!.GetValue<string>()));
        Assert.Equal("echo two", Text(second.Ack));
        Assert.Equal(2, _probe.Instances.Distinct().Count());
    }

    [Fact]
    public async Task Dispatch_UnknownCommand_EphemeralPointsToHelp()
    {
        var ack = (await Dispatcher.DispatchAsync(SlackInbound.Command(Command("/nope")))).Ack;

        Assert.Contains("/change help", Text(ack), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ThrowingCommand_EphemeralWithRef()
    {
        var ack = (await Dispatcher.DispatchAsync(SlackInbound.Command(Command("/throw")))).Ack;

        Assert.Matches(@"^Something went wrong \(ref [0-9A-F]{8}\)", Text(ack));
        Assert.DoesNotContain("database is down", Text(ack), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_SlowWork_AckedBeforeItRuns_ThenItRuns()
    {
        var ack = await DispatchAndRunAsync(SlackInbound.Command(Command("/slow")));

        Assert.Equal("on it", Text(ack));
        Assert.Empty(_slack.CallsTo("chat.postMessage"));
        _probe.Gate.SetResult();
        await _probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("slow work done", (await _slack.WaitForCallsAsync("chat.postMessage")).Single().Arg("text"));
    }

    [Fact]
    public async Task Dispatch_AfterAckWorkThrows_UserToldWithRef()
    {
        var ack = await DispatchAndRunAsync(SlackInbound.Command(Command("/fail-after")));

        Assert.Null(ack.Body);
        var notice = (await _slack.WaitForCallsAsync("response_url")).Single();
        Assert.Matches(@"^Something went wrong \(ref [0-9A-F]{8}\)", notice.Arg("text"));
        Assert.Equal("ephemeral", notice.Arg("response_type"));
    }

    [Fact]
    public async Task Dispatch_HandlerSlowerThanAckTimeout_EmptyAckInTime_HandlerFinishes()
    {
        var dispatch = Dispatcher.DispatchAsync(SlackInbound.Command(Command("/stuck")));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(2.5));
        _time.Advance(TimeSpan.FromSeconds(2.5));

        var result = await dispatch;
        _probe.Gate.SetResult();

        Assert.Null(result.Ack.Body);
        Assert.Equal("late", await _probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Dispatch_ActionIdWithCrId_RoutedByPrefix()
    {
        await Dispatcher.DispatchAsync(SlackInbound.Interaction(Click("cr.approve:CR-2026-0001:3")));

        Assert.Equal("cr.approve:CR-2026-0001:3", await _probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Dispatch_UnknownAction_Empty200_UserToldNoLongerSupported()
    {
        var ack = await DispatchAndRunAsync(SlackInbound.Interaction(Click("cr.retired_button")));

        Assert.Null(ack.Body);
        var notice = (await _slack.WaitForCallsAsync("response_url")).Single();
        Assert.Equal(SlackUserNotices.NoLongerSupported, notice.Arg("text"));
    }

    [Fact]
    public async Task Dispatch_UnknownActionWithoutResponseUrl_ToldByChatPostEphemeral()
    {
        await DispatchAndRunAsync(SlackInbound.Interaction(Click("cr.retired_button") with { ResponseUrl = null }));

        var notice = (await _slack.WaitForCallsAsync("chat.postEphemeral")).Single();
        Assert.True(notice.Ok, notice.Error);
        Assert.Equal(("C0CHANGE", "U0ALICE", SlackUserNotices.NoLongerSupported), (notice.Arg("channel"), notice.Arg("user"), notice.Arg("text")));
    }

    [Fact]
    public async Task Dispatch_ThrowingAction_Empty200_UserToldWithRef()
    {
        var ack = await DispatchAndRunAsync(SlackInbound.Interaction(Click("cr.explode")));

        Assert.Null(ack.Body);
        Assert.Matches(@"^Something went wrong \(ref [0-9A-F]{8}\)", (await _slack.WaitForCallsAsync("response_url")).Single().Arg("text"));
    }

    [Fact]
    public async Task Dispatch_ViewSubmission_ErrorsResponseAction()
    {
        var ack = (await Dispatcher.DispatchAsync(SlackInbound.Interaction(Submit("cr.new")))).Ack;

        Assert.Equal("errors", ack.Body!["response_action"]!.GetValue<string>());
        Assert.Equal("A title is required", ack.Body["errors"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dispatch_ThrowingOrUnknownSubmission_ModalUpdatedWithAReadableNotice()
    {
        var broken = (await Dispatcher.DispatchAsync(SlackInbound.Interaction(Submit("cr.broken")))).Ack;
        var unknown = (await Dispatcher.DispatchAsync(SlackInbound.Interaction(Submit("cr.retired")))).Ack;

        Assert.Equal("update", broken.Body!["response_action"]!.GetValue<string>());
        Assert.Contains("Something went wrong (ref ", broken.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(SlackBlockRules.CheckView(broken.Body["view"]));
        Assert.Contains("no longer supported", unknown.Body!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_SameEventTwice_ListenerRunsOnce()
    {
        var envelope = new EventEnvelope
        {
            Type = EventEnvelope.EventCallback,
            EventId = "Ev123",
            Event = new SlackEvent { Type = "app_home_opened", User = "U0ALICE", Tab = "home" },
        };

        var first = await DispatchAndRunAsync(SlackInbound.Event(envelope));
        var retry = await Dispatcher.DispatchAsync(SlackInbound.Event(envelope with { RetryNum = 1 }));
        await _probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Runner.StopAsync(CancellationToken.None);

        Assert.Null(first.Body);
        Assert.Null(retry.Ack.Body);
        Assert.Empty(retry.Deferred);
        Assert.Equal(1, _probe.EventRuns);
    }

    [Fact]
    public async Task Dispatch_UrlVerification_EchoesChallenge()
    {
        var ack = (await Dispatcher.DispatchAsync(SlackInbound.Event(new EventEnvelope { Type = EventEnvelope.UrlVerification, Challenge = "c-123" }))).Ack;

        Assert.Equal("""{"challenge":"c-123"}""", ack.Body!.ToJsonString());
    }
}
