using System.Text.Json.Nodes;
using ChangeBot.Features.Intake;

namespace ChangeBot.Tests.Workflow;

/// <summary>The journey's steps as a user takes them, for tests that need a CR in some state first.</summary>
public static class WorkflowSteps
{
    /// <summary><c>/change new</c>, then submits the modal it opened with <paramref name="values"/>; returns the submit's ack.</summary>
    public static async Task<JsonObject?> FileAsync(this WorkflowHost host, IntakeFormValues values, string user = WorkflowUsers.Requester)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(values);
        var opened = host.Slack.CallsTo("views.open").Count;
        Assert.Null(await host.Interactions.CommandAsync(user, "new"));
        var view = await host.Interactions.OpenedViewAsync(opened + 1);
        return await host.Interactions.SubmitAsync(user, IntakeModal.CallbackId, view["private_metadata"]?.GetValue<string>(), values.Build());
    }

    /// <summary>Files a valid change and waits for its announcement; returns its id.</summary>
    public static async Task<string> FileValidAsync(this WorkflowHost host, IntakeFormValues? values = null, int number = 1)
    {
        ArgumentNullException.ThrowIfNull(host);
        var ack = await host.FileAsync(values ?? new IntakeFormValues());
        Assert.Equal("clear", ack?["response_action"]?.GetValue<string>());
        var id = $"CR-2026-{number:D4}";
        await host.AnnouncementAsync(id);
        return id;
    }

    /// <summary>
    /// <c>/change edit {id}</c>, then submits the modal it opened with <paramref name="values"/>; when the bot first asks
    /// for the change team (an edit up to C1/C2), submits again on the updated view. Returns the last submit's ack.
    /// </summary>
    public static async Task<JsonObject?> EditAsync(this WorkflowHost host, string changeId, IntakeFormValues values, string user = WorkflowUsers.Requester)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(values);
        var opened = host.Slack.CallsTo("views.open").Count;
        Assert.Null(await host.Interactions.CommandAsync(user, $"edit {changeId}"));
        var view = await host.Interactions.OpenedViewAsync(opened + 1);
        var ack = await host.Interactions.SubmitAsync(user, IntakeModal.CallbackId, view["private_metadata"]?.GetValue<string>(), values.Build());
        return await host.PastTheTeamStepAsync(ack, values, user);
    }

    /// <summary>Answers the change-team step of a C1/C2 intake (the modal updated in place) by submitting it again.</summary>
    public static async Task<JsonObject?> PastTheTeamStepAsync(this WorkflowHost host, JsonObject? ack, IntakeFormValues values, string user = WorkflowUsers.Requester)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(values);
        return ack?["response_action"]?.GetValue<string>() == "update"
            ? await host.Interactions.SubmitAsync(user, IntakeModal.CallbackId, ack["view"]!["private_metadata"]?.GetValue<string>(), values.Build())
            : ack;
    }

    /// <summary>Presses a button on the announcement and waits for the thread reply saying <paramref name="reply"/>.</summary>
    public static async Task PressAsync(this WorkflowHost host, string user, string changeId, string label, string reply)
    {
        ArgumentNullException.ThrowIfNull(host);
        Assert.Null(await host.Interactions.ClickOnAnnouncementAsync(user, changeId, label));
        await host.WaitForThreadReplyAsync(changeId, reply);
    }

    /// <summary>Submits the reason modal the last button opened.</summary>
    public static async Task<JsonObject?> GiveReasonAsync(this WorkflowHost host, string user, string reason)
    {
        ArgumentNullException.ThrowIfNull(host);
        var view = await host.Interactions.OpenedViewAsync(host.Slack.CallsTo("views.open").Count);
        var values = new JsonObject
        {
            ["reason"] = new JsonObject { ["value"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = reason } },
        };
        return await host.Interactions.SubmitAsync(user, view["callback_id"]!.GetValue<string>(), view["private_metadata"]?.GetValue<string>(), values);
    }
}
