using System.Text.Json.Nodes;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Workflow;

/// <summary>What a user does in Slack, sent to the host exactly as Slack would send it (signed).</summary>
public sealed class SlackInteractions(WorkflowHost host)
{
    /// <summary><c>/change …</c> typed by <paramref name="user"/> in #change, with a fresh trigger id unless given; returns the ack body (null when empty).</summary>
    public async Task<JsonObject?> CommandAsync(string user, string text, string? triggerId = null)
    {
        using var request = host.Signer.Command(text, new Dictionary<string, string?>
        {
            ["user_id"] = user,
            ["user_name"] = user.ToLowerInvariant(),
            ["trigger_id"] = triggerId ?? host.Slack.IssueTriggerId(),
            ["response_url"] = host.Slack.NewResponseUrl().ToString(),
        });
        return await SendAsync(request);
    }

    /// <summary>A click by <paramref name="user"/> on a button of a message in #change.</summary>
    public async Task<JsonObject?> ClickAsync(string user, string actionId, string? value = null)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = SlackStandIn.TeamId, ["domain"] = "standin" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = SlackStandIn.TeamId },
            ["api_app_id"] = "A0CHANGEBOT",
            ["trigger_id"] = host.Slack.IssueTriggerId(),
            ["response_url"] = host.Slack.NewResponseUrl().ToString(),
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1764590400.000001", ["channel_id"] = WorkflowHost.ChangeChannel },
            ["channel"] = new JsonObject { ["id"] = WorkflowHost.ChangeChannel, ["name"] = "change" },
            ["message"] = new JsonObject { ["ts"] = "1764590400.000001", ["text"] = "change request" },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = actionId,
                ["block_id"] = "cr.actions",
                ["type"] = "button",
                ["value"] = value,
                ["action_ts"] = "1764590401.000001",
            }),
        };
        using var request = host.Signer.Interaction(payload.ToJsonString());
        return await SendAsync(request);
    }

    /// <summary>Clicks the button labelled <paramref name="label"/> on the CR's latest announcement.</summary>
    public async Task<JsonObject?> ClickOnAnnouncementAsync(string user, string changeId, string label)
    {
        var message = await host.LatestAnnouncementAsync(changeId);
        var button = WorkflowHost.ButtonsOf(message).FirstOrDefault(candidate => candidate.Text == label);
        Assert.False(button == default, $"the announcement of {changeId} has no '{label}' button; it has: {string.Join(", ", WorkflowHost.ButtonsOf(message).Select(b => b.Text))}");
        return await ClickAsync(user, button.ActionId, button.Value);
    }

    /// <summary>Submits a modal as <paramref name="user"/>: the view's callback id, private metadata and state values.</summary>
    public async Task<JsonObject?> SubmitAsync(string user, string callbackId, string? privateMetadata, JsonObject values)
    {
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackStandIn.TeamId, ["domain"] = "standin" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = SlackStandIn.TeamId },
            ["api_app_id"] = "A0CHANGEBOT",
            ["trigger_id"] = host.Slack.IssueTriggerId(),
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata ?? string.Empty,
                ["hash"] = "V0MODAL.hash",
                ["state"] = new JsonObject { ["values"] = values },
            },
        };
        using var request = host.Signer.Interaction(payload.ToJsonString());
        return await SendAsync(request);
    }

    /// <summary>The view the bot last opened (views.open) for anyone.</summary>
    public async Task<JsonObject> OpenedViewAsync(int count)
    {
        var calls = await host.Slack.WaitForCallsAsync("views.open", count);
        return calls[count - 1].Arguments["view"]!.AsObject();
    }

    private async Task<JsonObject?> SendAsync(HttpRequestMessage request)
    {
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject();
    }
}
