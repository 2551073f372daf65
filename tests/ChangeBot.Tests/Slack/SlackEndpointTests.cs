using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Slack;

public sealed class SlackEndpointTests(SlackHostFixture host) : IClassFixture<SlackHostFixture>
{
    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using var client = host.CreateClient();
        using (request)
        {
            return await client.SendAsync(request);
        }
    }

    [Theory]
    [InlineData("help")]
    [InlineData("")]
    [InlineData("  HELP  ")]
    public async Task ChangeHelp_SignedCommand_EphemeralListOfSubCommandsWithExamples(string text)
    {
        using var response = await SendAsync(host.Signer.Command(text));

        var body = await JsonAsync(response);
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        var json = body.ToJsonString(ChangeBot.Slack.Payloads.SlackJson.Options);
        Assert.Contains("/change help", json, StringComparison.Ordinal);
        Assert.Contains("Show this list", json, StringComparison.Ordinal);
        Assert.Contains("Records that it ran (tests only)", json, StringComparison.Ordinal);
        Assert.Null(SlackBlockRules.CheckMessage(body["blocks"]));
        Assert.False(string.IsNullOrWhiteSpace(body["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Change_UnknownSubCommand_HelpSaysSo()
    {
        using var response = await SendAsync(host.Signer.Command("frobnicate now"));

        var body = await JsonAsync(response);
        Assert.Contains("`/change frobnicate` is not a ChangeBot command", body.ToJsonString(ChangeBot.Slack.Payloads.SlackJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_SubCommand_GetsItsArguments()
    {
        using var response = await SendAsync(host.Signer.Command("probe CR-2026-0001 now"));

        Assert.Equal("probe CR-2026-0001 now", (await JsonAsync(response))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Command_WrongSecretStaleOrUnsigned_401AndNoHandlerRan()
    {
        var runsBefore = host.Probe.Runs;
        var body = SlackRequestSigner.Form(SlackRequestSigner.CommandFields("probe"));
        var wrong = new SlackRequestSigner("not-the-secret", TimeProvider.System).Sign(SlackRequestSigner.CommandsPath, body, "application/x-www-form-urlencoded");
        var stale = host.Signer.Sign(SlackRequestSigner.CommandsPath, body, "application/x-www-form-urlencoded", TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 301);
        var unsigned = new HttpRequestMessage(HttpMethod.Post, new Uri(SlackRequestSigner.CommandsPath, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["command"] = "/change", ["text"] = "probe" }),
        };

        using var wrongResponse = await SendAsync(wrong);
        using var staleResponse = await SendAsync(stale);
        using var unsignedResponse = await SendAsync(unsigned);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal("not a verified Slack request: signature mismatch", await wrongResponse.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, staleResponse.StatusCode);
        Assert.Contains("5-minute window", await staleResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unsignedResponse.StatusCode);
        Assert.Contains("missing X-Slack-Request-Timestamp", await unsignedResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(runsBefore, host.Probe.Runs);
    }

    [Fact]
    public async Task Command_ReplayedInsideTheWindow_Accepted()
    {
        var body = SlackRequestSigner.Form(SlackRequestSigner.CommandFields("help"));
        var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();

        using var first = await SendAsync(host.Signer.Sign(SlackRequestSigner.CommandsPath, body, "application/x-www-form-urlencoded", ts));
        using var replay = await SendAsync(host.Signer.Sign(SlackRequestSigner.CommandsPath, body, "application/x-www-form-urlencoded", ts));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
    }

    [Fact]
    public async Task Malformed_WrongContentTypeMissingFieldsBadJson_400WithReason()
    {
        var json = host.Signer.Sign(SlackRequestSigner.CommandsPath, Encoding.UTF8.GetBytes("""{"command":"/change"}"""), "application/json");
        var missing = host.Signer.Command("help", new Dictionary<string, string?> { ["user_id"] = null });
        var badPayload = host.Signer.Interaction("{not json");
        var badEvent = host.Signer.Event("""{"type":"event_callback","event":{"type":"app_home_opened"}}""");

        using var jsonResponse = await SendAsync(json);
        using var missingResponse = await SendAsync(missing);
        using var badPayloadResponse = await SendAsync(badPayload);
        using var badEventResponse = await SendAsync(badEvent);

        Assert.Equal((HttpStatusCode.BadRequest, "expected Content-Type application/x-www-form-urlencoded, got 'application/json'"), (jsonResponse.StatusCode, await jsonResponse.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.BadRequest, "slash command is missing user_id"), (missingResponse.StatusCode, await missingResponse.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, badPayloadResponse.StatusCode);
        Assert.StartsWith("malformed interaction payload", await badPayloadResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "event_callback without an event_id"), (badEventResponse.StatusCode, await badEventResponse.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Command_BodyOverOneMebibyte_413()
    {
        var body = SlackRequestSigner.Form(SlackRequestSigner.CommandFields(new string('x', 1024 * 1024)));

        using var response = await SendAsync(host.Signer.Sign(SlackRequestSigner.CommandsPath, body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task SlowSubCommand_AckArrivesBeforeTheWork_WorkFinishesAfter()
    {
        using var response = await SendAsync(host.Signer.Command("slow"));

        Assert.Equal("Working on it…", (await JsonAsync(response))["text"]!.GetValue<string>());
        Assert.DoesNotContain(host.Slack.CallsTo("chat.postMessage"), c => c.Arg("text") == "slow work finished");
        host.Probe.Gate.TrySetResult();
        var posted = await host.Slack.WaitForCallsAsync("chat.postMessage");
        Assert.Contains(posted, c => c.Arg("text") == "slow work finished" && c.Ok);
    }

    [Fact]
    public async Task ThrowingSubCommand_200EphemeralWithRefAndNoDetails()
    {
        using var response = await SendAsync(host.Signer.Command("throw"));

        var text = (await JsonAsync(response))["text"]!.GetValue<string>();
        Assert.Matches(@"^Something went wrong \(ref [0-9A-F]{8}\)", text);
        Assert.DoesNotContain("database", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownButton_200AndEphemeralNoLongerSupported()
    {
        var responseUrl = host.Slack.NewResponseUrl();
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0ALICE" },
            ["response_url"] = responseUrl.ToString(),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "cr.retired:CR-2026-0001", ["type"] = "button" }),
        };

        using var response = await SendAsync(host.Signer.Interaction(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notices = await host.Slack.WaitForCallsAsync("response_url");
        Assert.Contains(notices, c => c.Arg("text")!.StartsWith("This button is no longer supported", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BlockSuggestion_NoSelectLoadsOptions_200WithAnEmptyOptionsList()
    {
        const string payload = """
            {"type":"block_suggestion","user":{"id":"U0ALICE","username":"alice","team_id":"T0STANDIN"},"team":{"id":"T0STANDIN","domain":"standin"},
             "api_app_id":"A0CHANGEBOT","action_id":"cr.some-select","block_id":"services","value":"red",
             "container":{"type":"view","view_id":"V0MODAL"},"view":{"id":"V0MODAL","type":"modal","callback_id":"cr.intake","private_metadata":"","state":{"values":{}}}}
            """;

        using var response = await SendAsync(host.Signer.Interaction(payload));

        Assert.Equal("""{"options":[]}""", (await JsonAsync(response)).ToJsonString());
    }

    [Fact]
    public async Task UrlVerification_EchoesTheChallenge()
    {
        using var response = await SendAsync(host.Signer.Event("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""));

        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (await JsonAsync(response))["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task AppHomeOpened_PublishesHome_RetryOfTheSameEventDoesNotPublishAgain()
    {
        static string Event(string id, string user) => $$$"""
            {"type":"event_callback","team_id":"T0STANDIN","api_app_id":"A0CHANGEBOT","event_id":"{{{id}}}","event_time":1772442000,
             "event":{"type":"app_home_opened","user":"{{{user}}}","channel":"D0HOME","tab":"home","event_ts":"1772442000.1"}}
            """;
        var before = host.Slack.CallsTo("views.publish").Count;

        using var first = await SendAsync(host.Signer.Event(Event("EvHOME1", "U0HOME1")));
        await host.Slack.WaitForCallsAsync("views.publish", before + 1);
        using var retry = await SendAsync(host.Signer.Event(Event("EvHOME1", "U0HOME1"), retryNum: 1));
        using var other = await SendAsync(host.Signer.Event(Event("EvHOME2", "U0HOME2")));
        var published = await host.Slack.WaitForCallsAsync("views.publish", before + 2);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var mine = published.Skip(before).ToList();
        Assert.Equal(["U0HOME1", "U0HOME2"], mine.Select(c => c.Arg("user_id")));
        Assert.All(mine, c => Assert.True(c.Ok, c.Error));
        Assert.Equal("home", mine[0].Arguments["view"]!["type"]!.GetValue<string>());
    }
}
