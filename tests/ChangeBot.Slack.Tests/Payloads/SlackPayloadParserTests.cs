using ChangeBot.Slack.Payloads;
using Microsoft.Extensions.Primitives;

namespace ChangeBot.Slack.Tests.Payloads;

public class SlackPayloadParserTests
{
    private static Dictionary<string, StringValues> Form(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => new StringValues(f.Value));

    [Fact]
    public void ParseCommand_SlackForm_AllFields()
    {
        var result = SlackPayloadParser.ParseCommand(Form(
            ("token", "ignored"), ("team_id", "T1"), ("team_domain", "acme"), ("enterprise_id", "E1"), ("channel_id", "C1"),
            ("channel_name", "change"), ("user_id", "U1"), ("user_name", "alice"), ("command", "/change"), ("text", "new db"),
            ("api_app_id", "A1"), ("response_url", "https://hooks.slack.com/x"), ("trigger_id", "1.2.3"), ("is_enterprise_install", "true")));

        Assert.True(result.IsValid, result.Error);
        var c = result.Value;
        Assert.Equal(("/change", "new db", "U1", "alice", "T1", "acme", "E1", "C1", "change", "A1"), (c.Command, c.Text, c.UserId, c.UserName, c.TeamId, c.TeamDomain, c.EnterpriseId, c.ChannelId, c.ChannelName, c.ApiAppId));
        Assert.Equal(("https://hooks.slack.com/x", "1.2.3", true), (c.ResponseUrl, c.TriggerId, c.IsEnterpriseInstall));
    }

    [Fact]
    public void ParseCommand_MissingUserAndCommand_NamesThem()
    {
        var result = SlackPayloadParser.ParseCommand(Form(("team_id", "T1"), ("channel_id", "C1")));

        Assert.False(result.IsValid);
        Assert.Equal("slash command is missing command, user_id", result.Error);
    }

    [Fact]
    public void ParseInteraction_BlockSuggestion_ActionIdAndWhatWasTyped()
    {
        const string json = """
            {"type":"block_suggestion","user":{"id":"U0ALICE","username":"alice","team_id":"T0STANDIN"},"team":{"id":"T0STANDIN","domain":"standin"},
             "api_app_id":"A0CHANGEBOT","action_id":"cr.services","block_id":"services","value":"red",
             "container":{"type":"view","view_id":"V0MODAL"},"view":{"id":"V0MODAL","type":"modal","callback_id":"cr.intake","private_metadata":"","state":{"values":{}}}}
            """;

        var result = SlackPayloadParser.ParseInteraction(json);

        var suggestion = Assert.IsType<BlockSuggestionPayload>(result.Value);
        Assert.Equal(("cr.services", "services", "red", "cr.intake"), (suggestion.ActionId, suggestion.BlockId, suggestion.Value, suggestion.View!.CallbackId));
        Assert.Equal("U0ALICE", suggestion.User.Id);
    }

    [Fact]
    public void ParseInteraction_BlockActions_ActionsContainerMessage()
    {
        const string json = """
            {"type":"block_actions","user":{"id":"U1","username":"alice","team_id":"T1"},"team":{"id":"T1","domain":"acme"},
             "api_app_id":"A1","trigger_id":"1.2.3","response_url":"https://hooks.slack.com/actions/x",
             "container":{"type":"message","message_ts":"1700000000.000100","channel_id":"C1","is_ephemeral":false},
             "channel":{"id":"C1","name":"change"},"message":{"ts":"1700000000.000100","text":"CR-2026-0001"},
             "actions":[{"action_id":"cr.approve:CR-2026-0001:3","block_id":"b1","type":"button","value":"yes","action_ts":"1700000001.1"}]}
            """;

        var result = SlackPayloadParser.ParseInteraction(json);

        var payload = Assert.IsType<BlockActionsPayload>(result.Value);
        Assert.Equal("U1", payload.User.Id);
        Assert.Equal(("message", "C1"), (payload.Container!.Type, payload.Container.ChannelId));
        Assert.Equal("1700000000.000100", payload.Message!.Ts);
        var action = Assert.Single(payload.Actions);
        Assert.Equal(("cr.approve:CR-2026-0001:3", "b1", "button", "yes"), (action.ActionId, action.BlockId, action.Type, action.Value));
    }

    [Fact]
    public void ParseInteraction_BlockActionsFromEphemeral_HasNoMessage()
    {
        var result = SlackPayloadParser.ParseInteraction("""
            {"type":"block_actions","user":{"id":"U1"},"container":{"type":"message","is_ephemeral":true},
             "actions":[{"action_id":"a","type":"static_select","selected_option":{"text":{"type":"plain_text","text":"High"},"value":"high"}}]}
            """);

        var payload = Assert.IsType<BlockActionsPayload>(result.Value);
        Assert.Null(payload.Message);
        Assert.Equal("high", payload.Actions[0].SelectedOption!.Value);
    }

    [Fact]
    public void ParseInteraction_ViewSubmission_EveryStateValueShape()
    {
        const string json = """
            {"type":"view_submission","user":{"id":"U1"},"trigger_id":"1.2.3",
             "view":{"id":"V1","type":"modal","callback_id":"cr.new","private_metadata":"{\"c\":\"C1\"}","hash":"h1","state":{"values":{
               "title":{"v":{"type":"plain_text_input","value":"Upgrade db"}},
               "count":{"v":{"type":"number_input","value":"3.5"}},
               "link":{"v":{"type":"url_text_input","value":"https://runbook"}},
               "mail":{"v":{"type":"email_text_input","value":"a@b.c"}},
               "risk":{"v":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"High"},"value":"high"}}},
               "kind":{"v":{"type":"radio_buttons","selected_option":{"text":{"type":"plain_text","text":"Normal"},"value":"normal"}}},
               "svc":{"v":{"type":"external_select","selected_option":{"text":{"type":"plain_text","text":"API"},"value":"api"}}},
               "checks":{"v":{"type":"checkboxes","selected_options":[{"text":{"type":"plain_text","text":"A"},"value":"a"},{"text":{"type":"plain_text","text":"B"},"value":"b"}]}},
               "envs":{"v":{"type":"multi_static_select","selected_options":[{"text":{"type":"plain_text","text":"prod"},"value":"prod"}]}},
               "owner":{"v":{"type":"users_select","selected_user":"U2"}},
               "reviewers":{"v":{"type":"multi_users_select","selected_users":["U3","U4"]}},
               "conv":{"v":{"type":"conversations_select","selected_conversation":"C9"}},
               "chan":{"v":{"type":"channels_select","selected_channel":"C8"}},
               "day":{"v":{"type":"datepicker","selected_date":"2026-03-04"}},
               "at":{"v":{"type":"timepicker","selected_time":"14:30","timezone":"Europe/Berlin"}},
               "when":{"v":{"type":"datetimepicker","selected_date_time":1772634600}},
               "notes":{"v":{"type":"plain_text_input","value":null}},
               "maybe":{"v":{"type":"static_select","selected_option":null}}}}}}
            """;

        var result = SlackPayloadParser.ParseInteraction(json);

        var payload = Assert.IsType<ViewSubmissionPayload>(result.Value);
        var state = payload.View.State;
        Assert.Equal(("V1", "cr.new", "{\"c\":\"C1\"}", "h1"), (payload.View.Id, payload.View.CallbackId, payload.View.PrivateMetadata, payload.View.Hash));
        Assert.Equal("Upgrade db", state.Get("title", "v")!.Value);
        Assert.Equal(3.5m, state.Get("count", "v")!.Number);
        Assert.Equal("https://runbook", state.Get("link", "v")!.Value);
        Assert.Equal("a@b.c", state.Get("mail", "v")!.Value);
        Assert.Equal("high", state.Get("risk", "v")!.SelectedOption!.Value);
        Assert.Equal("High", state.Get("risk", "v")!.SelectedOption!.Text!.Text);
        Assert.Equal("normal", state.Get("kind", "v")!.SelectedOption!.Value);
        Assert.Equal("api", state.Get("svc", "v")!.SelectedOption!.Value);
        Assert.Equal(["a", "b"], state.Get("checks", "v")!.SelectedOptions!.Select(o => o.Value));
        Assert.Equal(["prod"], state.Get("envs", "v")!.SelectedOptions!.Select(o => o.Value));
        Assert.Equal("U2", state.Get("owner", "v")!.SelectedUser);
        Assert.Equal(["U3", "U4"], state.Get("reviewers", "v")!.SelectedUsers!);
        Assert.Equal("C9", state.Get("conv", "v")!.SelectedConversation);
        Assert.Equal("C8", state.Get("chan", "v")!.SelectedChannel);
        Assert.Equal(new DateOnly(2026, 3, 4), state.Get("day", "v")!.Date);
        Assert.Equal((new TimeOnly(14, 30), "Europe/Berlin"), (state.Get("at", "v")!.Time!.Value, state.Get("at", "v")!.Timezone));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772634600), state.Get("when", "v")!.DateTime);
        Assert.Null(state.Get("notes", "v")!.Value);
        Assert.Null(state.Get("maybe", "v")!.SelectedOption);
        Assert.Null(state.Get("absent", "v"));
    }

    [Fact]
    public void ParseInteraction_ViewClosedShortcutMessageAction_Typed()
    {
        var closed = SlackPayloadParser.ParseInteraction("""{"type":"view_closed","user":{"id":"U1"},"view":{"id":"V1","callback_id":"cr.new"},"is_cleared":true}""");
        var shortcut = SlackPayloadParser.ParseInteraction("""{"type":"shortcut","user":{"id":"U1"},"callback_id":"cr.quick","trigger_id":"1.2"}""");
        var action = SlackPayloadParser.ParseInteraction("""{"type":"message_action","user":{"id":"U1"},"callback_id":"cr.from_message","channel":{"id":"C1"},"message":{"ts":"1.2","text":"deploy"},"response_url":"https://hooks/x"}""");

        Assert.True(Assert.IsType<ViewClosedPayload>(closed.Value).IsCleared);
        Assert.Equal("cr.quick", Assert.IsType<ShortcutPayload>(shortcut.Value).CallbackId);
        var messageAction = Assert.IsType<MessageActionPayload>(action.Value);
        Assert.Equal(("cr.from_message", "C1", "deploy"), (messageAction.CallbackId, messageAction.Channel!.Id, messageAction.Message!.Text));
    }

    [Theory]
    [InlineData("not json", "malformed interaction payload")]
    [InlineData("[1,2]", "interaction payload has no type")]
    [InlineData("""{"type":"dialog_submission","user":{"id":"U1"}}""", "malformed interaction payload: unsupported interaction type 'dialog_submission'")]
    [InlineData("""{"type":"block_actions"}""", "malformed interaction payload")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"}}""", "malformed interaction payload")]
    public void ParseInteraction_BadPayload_ReasonGiven(string json, string reasonStart)
    {
        var result = SlackPayloadParser.ParseInteraction(json);

        Assert.False(result.IsValid);
        Assert.StartsWith(reasonStart, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseInteractionForm_NoPayloadField_Reason()
    {
        var result = SlackPayloadParser.ParseInteractionForm(Form(("text", "x")));

        Assert.Equal("interaction is missing the payload field", result.Error);
    }

    [Fact]
    public void ParseEvent_UrlVerificationAndCallback_Typed()
    {
        var challenge = SlackPayloadParser.ParseEvent("""{"type":"url_verification","token":"x","challenge":"3eZbrw1aB"}"""u8);
        var callback = SlackPayloadParser.ParseEvent("""
            {"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"Ev1","event_time":1700000000,
             "event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","event_ts":"1.2","view":{"id":"V1"}}}
            """u8, retryNum: 2);

        Assert.Equal("3eZbrw1aB", challenge.Value!.Challenge);
        var envelope = callback.Value!;
        Assert.Equal(("Ev1", "T1", 2), (envelope.EventId, envelope.TeamId, envelope.RetryNum));
        Assert.Equal(("app_home_opened", "U1", "home"), (envelope.Event!.Type, envelope.Event.User, envelope.Event.Tab));
        Assert.True(envelope.Event.Extra!.ContainsKey("view"));
    }

    [Theory]
    [InlineData("""{"type":"event_callback","event":{"type":"app_home_opened"}}""", "event_callback without an event_id")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1"}""", "event_callback without an event")]
    [InlineData("""{"type":"url_verification"}""", "url_verification without a challenge")]
    [InlineData("""{"type":"app_rate_limited"}""", "unsupported event envelope type 'app_rate_limited'")]
    [InlineData("""{"type":""", "malformed event body")]
    public void ParseEvent_BadEnvelope_Reason(string json, string reasonStart)
    {
        var result = SlackPayloadParser.ParseEvent(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsValid);
        Assert.StartsWith(reasonStart, result.Error, StringComparison.Ordinal);
    }
}
