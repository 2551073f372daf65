using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.WebApi;
using ChangeBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChangeBot.Slack.Tests.WebApi;

public sealed class SlackApiClientTests : IAsyncLifetime, IDisposable
{
    private readonly ObservableFakeTime _time = new();
    private readonly HttpClient _http = new();
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync(_time);

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _time.Dispose();
    }

    private SlackApiClient Client(string? token = SlackStandIn.BotToken, int maxRetries = 3) =>
        new(_http, Options.Create(new SlackOptions { BotToken = token, ApiBaseUrl = _slack.ApiBaseUrl.ToString(), MaxRetries = maxRetries }), _time, NullLogger<SlackApiClient>.Instance);

    [Fact]
    public async Task PostMessage_Ok_SendsJsonUtf8WithFallbackText_ReturnsTs()
    {
        var posted = await Client().PostMessageAsync("C0CHANGE", new MessageLayout("CR-2026-0001 filed", [SectionBlock.Markdown("*CR-2026-0001*")]));

        var call = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.True(call.Ok, call.Error);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.True(call.Authorized);
        Assert.Equal("CR-2026-0001 filed", call.Arg("text"));
        Assert.Equal("C0CHANGE", posted.Channel);
        Assert.False(string.IsNullOrEmpty(posted.Ts));
    }

    [Fact]
    public async Task PostMessage_UnknownChannel_ThrowsChannelNotFoundWithoutRetry()
    {
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("C0NOPE", new MessageLayout("hi")));

        Assert.Equal(("chat.postMessage", "channel_not_found"), (e.Method, e.Error));
        Assert.Single(_slack.Calls);
    }

    [Fact]
    public async Task Call_WrongToken_ThrowsInvalidAuthWithoutRetry()
    {
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client("xoxb-wrong").AuthTestAsync());

        Assert.Equal("invalid_auth", e.Error);
        Assert.Single(_slack.Calls);
    }

    [Fact]
    public async Task Call_NoTokenConfigured_FailsClearlyWithoutCallingSlack()
    {
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client(token: null).PostMessageAsync("C0CHANGE", new MessageLayout("hi")));

        Assert.Equal(SlackApiClient.BotTokenMissing, e.Error);
        Assert.Contains("Slack:BotToken", e.Message, StringComparison.Ordinal);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task PublishHome_MissingUser_CarriesSlackErrorAndMessages()
    {
        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client().PublishHomeAsync("", new HomeView([new DividerBlock()])));

        Assert.Equal("invalid_arguments", e.Error);
        Assert.Equal(["[ERROR] missing required field: user_id"], e.Messages);
    }

    [Fact]
    public async Task OpenView_FreshTrigger_Opens_ReusedTrigger_Exchanged()
    {
        var trigger = _slack.IssueTriggerId();
        var view = new ModalView("cr.new", "New change", [new InputBlock("title", "Title", new TextInputElement("v"))]);

        var opened = await Client().OpenViewAsync(trigger, view);
        var reused = await Assert.ThrowsAsync<SlackApiException>(() => Client().OpenViewAsync(trigger, view));

        Assert.StartsWith("V", opened.Id, StringComparison.Ordinal);
        Assert.NotNull(opened.Hash);
        Assert.Equal("trigger_exchanged", reused.Error);
        Assert.True(reused.IsTriggerUnusable);
        Assert.False(reused.IsTriggerExpired);
    }

    [Fact]
    public async Task OpenView_TriggerOlderThan3Seconds_Expired()
    {
        var trigger = _slack.IssueTriggerId();
        _time.Advance(TimeSpan.FromSeconds(3.5));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => Client().OpenViewAsync(trigger, new ModalView("cb", "t", [])));

        Assert.Equal("trigger_expired", e.Error);
        Assert.True(e.IsTriggerExpired);
    }

    [Theory]
    [InlineData("trigger_expired", true, true)]
    [InlineData("expired_trigger_id", true, true)]
    [InlineData("trigger_exchanged", false, true)]
    [InlineData("exchanged_trigger_id", false, true)]
    [InlineData("invalid_trigger_id", false, true)]
    [InlineData("view_too_large", false, false)]
    public void TriggerErrors_SlackMdAndSlackReferenceNames_AreReadAlike(string error, bool expired, bool unusable)
    {
        var e = new SlackApiException("views.open", error);

        Assert.Equal((expired, unusable), (e.IsTriggerExpired, e.IsTriggerUnusable));
    }

    [Fact]
    public async Task Call_429ThenOk_WaitsRetryAfterThenSucceeds()
    {
        _slack.FailNext(1, 429, retryAfterSeconds: 7);

        var call = Client().AuthTestAsync();
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(_slack.Calls);
        _time.Advance(TimeSpan.FromSeconds(1));
        var auth = await call;

        Assert.Equal((SlackStandIn.TeamId, SlackStandIn.BotUserId), (auth.TeamId, auth.UserId));
        Assert.Equal([429, 200], _slack.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task Call_500ThenOk_RetriedAfterBackoff()
    {
        _slack.FailNext(1, 500);

        var call = Client().PostMessageAsync("C0CHANGE", new MessageLayout("hi"));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await call;

        Assert.Equal([500, 200], _slack.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task Call_Timeout_RetriedAndSucceeds()
    {
        _slack.StallNext(1);

        var call = Client().AuthTestAsync();
        await _slack.WaitForCallsAsync("auth.test");
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await call;

        Assert.Equal(["stalled", null], _slack.Calls.Select(c => c.Error));
    }

    [Fact]
    public async Task Call_5xxBeyondTheBound_GivesUpWithTheLastFailure()
    {
        _slack.FailNext(5, 503);

        var call = Client(maxRetries: 2).PostMessageAsync("C0CHANGE", new MessageLayout("hi"));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));
        var e = await Assert.ThrowsAsync<SlackApiException>(() => call);

        Assert.Equal("http_503", e.Error);
        Assert.Equal(3, _slack.Calls.Count);
    }

    [Fact]
    public async Task Reads_UsergroupUserInfoConversation_FormEncodedAndTyped()
    {
        _slack.AddUsergroup("S0EOC", "U0ALICE", "U0BOB");
        var client = Client();

        var users = await client.ListUsergroupUsersAsync("S0EOC");
        var alice = await client.GetUserInfoAsync("U0ALICE");
        var channel = await client.GetConversationInfoAsync("C0CHANGE");

        Assert.Equal(["U0ALICE", "U0BOB"], users);
        Assert.Equal(("Europe/Berlin", 3600), (alice.Tz, alice.TzOffset));
        Assert.True(channel.IsMember);
        Assert.All(_slack.Calls, c => Assert.StartsWith("application/x-www-form-urlencoded", c.ContentType, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateEphemeralViews_ReachSlackWithTheirArguments()
    {
        var client = Client();
        var view = new ModalView("cb", "t", [SectionBlock.Markdown("x")]);

        var posted = await client.PostMessageAsync("C0CHANGE", new MessageLayout("v1"));
        await client.UpdateMessageAsync(posted.Channel, posted.Ts, new MessageLayout("v2"));
        await client.PostEphemeralAsync("C0CHANGE", "U0ALICE", new MessageLayout("psst"));
        var opened = await client.OpenViewAsync(_slack.IssueTriggerId(), view);
        await client.UpdateViewAsync(opened.Id, view, opened.Hash);
        await client.PushViewAsync(_slack.IssueTriggerId(), view);
        await client.PostToResponseUrlAsync(_slack.NewResponseUrl(), new ResponseUrlMessage(new MessageLayout("done")) { ReplaceOriginal = true });

        Assert.All(_slack.Calls, c => Assert.True(c.Ok, $"{c.Method}: {c.Error}"));
        Assert.Equal(posted.Ts, _slack.CallsTo("chat.update").Single().Arg("ts"));
        Assert.Equal("U0ALICE", _slack.CallsTo("chat.postEphemeral").Single().Arg("user"));
        Assert.Equal(opened.Hash, _slack.CallsTo("views.update").Single().Arg("hash"));
        var response = _slack.CallsTo("response_url").Single();
        Assert.False(response.Authorized);
        Assert.Equal(("ephemeral", "true"), (response.Arg("response_type"), response.Arg("replace_original")));
    }
}
