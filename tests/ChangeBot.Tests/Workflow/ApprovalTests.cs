using ChangeBot.Domain.Changes;

namespace ChangeBot.Tests.Workflow;

/// <summary>Steps 3 and 4 of the journey: approve, reject, veto, edit, schedule.</summary>
public sealed class ApprovalTests : IAsyncLifetime
{
    private const string Id = "CR-2026-0001";

    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Approve_ByTheRequester_RefusedPrivatelyAndNothingCounted()
    {
        await _host.FileValidAsync();

        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Requester, Id, "Approve"));

        await _host.WaitForPrivateReplyAsync("You can't approve your own change.");
        Assert.DoesNotContain(await _host.ThreadAsync(Id), reply => WorkflowHost.TextOf(reply).Contains("approved:", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Slack.CallsTo("chat.update"), update => WorkflowHost.TextOf(update).Contains("Reviewers (1 of 2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_EocAcknowledgementByAReviewer_RefusedNamingWhoIsOnCall()
    {
        await _host.FileValidAsync();

        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Reviewer1, Id, "Acknowledge as EOC"));

        var refusal = await _host.WaitForPrivateReplyAsync("you don't hold that role right now");
        Assert.Contains("On call now: <@U0EOC>", WorkflowHost.TextOf(refusal), StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.ThreadAsync(Id), reply => WorkflowHost.TextOf(reply).Contains("approved:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_QuorumOfDistinctPeopleThenEoc_ScheduledWithItsWindow()
    {
        await _host.FileValidAsync();

        await _host.PressAsync(WorkflowUsers.Reviewer1, Id, "Approve", "<@U0REV1> approved: Reviewers (1 of 2)");
        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Reviewer1, Id, "Approve"));
        await _host.WaitForPrivateReplyAsync("You already approved revision 1 of CR-2026-0001; it counts once.");
        await _host.WaitForAnnouncementUpdateAsync(Id, "Reviewers (1 of 2; given by <@U0REV1>)");
        await _host.PressAsync(WorkflowUsers.Reviewer2, Id, "Approve", "<@U0REV2> approved: Reviewers (2 of 2)");
        await _host.WaitForAnnouncementUpdateAsync(Id, "✅ Reviewers (2 of 2): <@U0REV1>, <@U0REV2>");
        await _host.PressAsync(WorkflowUsers.Eoc, Id, "Acknowledge as EOC", "<@U0EOC> approved: EOC acknowledgement (1 of 1). All the approvals it needs are in.");

        var scheduled = await _host.WaitForThreadReplyAsync(Id, "is fully approved and *scheduled*");
        Assert.Contains("<!date^1796180400^{date_short_pretty} {time}|2026-12-02 03:00 UTC>", WorkflowHost.TextOf(scheduled), StringComparison.Ordinal);
        var message = await _host.WaitForAnnouncementUpdateAsync(Id, "Scheduled `change::scheduled`");
        Assert.Contains(WorkflowHost.ButtonsOf(message), button => button.Text == "Start");
        Assert.DoesNotContain(WorkflowHost.ButtonsOf(message), button => button.Text == "Approve");
    }

    [Fact]
    public async Task Edit_AfterAnApproval_NewRevisionVoidsItAndTheOldButtonIsRefused()
    {
        await _host.FileValidAsync();
        await _host.PressAsync(WorkflowUsers.Reviewer1, Id, "Approve", "<@U0REV1> approved");
        var before = await _host.WaitForAnnouncementUpdateAsync(Id, "Reviewers (1 of 2; given by <@U0REV1>)");
        var staleApprove = WorkflowHost.ButtonsOf(before).First(button => button.Text == "Approve");

        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Requester, Id, "Edit"));
        var modal = await _host.Interactions.OpenedViewAsync(2);
        Assert.Contains("Editing *CR-2026-0001* (revision 1)", modal.ToJsonString(), StringComparison.Ordinal);
        var edited = new IntakeFormValues().Text(ChangeRequestFields.EstimatedDuration, "1h30m");
        var ack = await _host.Interactions.SubmitAsync(WorkflowUsers.Requester, "cr.intake", modal["private_metadata"]!.GetValue<string>(), edited.Build());

        Assert.Equal("clear", ack?["response_action"]?.GetValue<string>());
        var reply = await _host.WaitForThreadReplyAsync(Id, "edited CR-2026-0001: revision 2 replaces revision 1");
        Assert.Contains("1 approval(s) voided: <@U0REV1>", WorkflowHost.TextOf(reply), StringComparison.Ordinal);
        var latest = await _host.WaitForAnnouncementUpdateAsync(Id, "revision 2");
        var latestText = WorkflowHost.TextOf(latest);
        Assert.True(latestText.Contains("(1 hour, 30 minutes)", StringComparison.Ordinal), latestText);
        Assert.Contains("Reviewers (0 of 2)", latestText, StringComparison.Ordinal);

        Assert.Null(await _host.Interactions.ClickAsync(WorkflowUsers.Reviewer2, staleApprove.ActionId, staleApprove.Value));
        await _host.WaitForPrivateReplyAsync("CR-2026-0001 was edited after you opened it: you saw revision 1, and it is now at revision 2.");
    }

    [Fact]
    public async Task Edit_CommandByAnotherEngineer_FormOpensButSavingIsRefusedInline()
    {
        await _host.FileValidAsync();

        Assert.Null(await _host.Interactions.CommandAsync(WorkflowUsers.Reviewer1, "edit CR-2026-0001"));
        var modal = await _host.Interactions.OpenedViewAsync(2);
        var ack = await _host.Interactions.SubmitAsync(WorkflowUsers.Reviewer1, "cr.intake", modal["private_metadata"]!.GetValue<string>(), new IntakeFormValues().Text(ChangeRequestFields.EstimatedDuration, "2h").Build());

        Assert.Equal("errors", ack?["response_action"]?.GetValue<string>());
        Assert.Contains("Only the requester (<@U0ALICE>), the executor (<@U0BOB>) or an admin can edit CR-2026-0001", ack!["errors"]![ChangeRequestFields.Title]!.GetValue<string>(), StringComparison.Ordinal);
        var unknown = await _host.Interactions.CommandAsync(WorkflowUsers.Requester, "edit CR-2026-0042");
        Assert.Equal("There is no change request CR-2026-0042.", unknown?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Reject_WithAReason_ThreadSaysWhyAndTheMessageShowsRejected()
    {
        await _host.FileValidAsync();

        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Reviewer1, Id, "Reject"));
        var blank = await _host.GiveReasonAsync(WorkflowUsers.Reviewer1, "   ");
        Assert.Equal("errors", blank?["response_action"]?.GetValue<string>());
        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Reviewer1, Id, "Reject"));
        var ack = await _host.GiveReasonAsync(WorkflowUsers.Reviewer1, "No snapshot step in the rollback plan.");

        Assert.Equal("clear", ack?["response_action"]?.GetValue<string>());
        await _host.WaitForThreadReplyAsync(Id, "❌ <@U0REV1> rejected CR-2026-0001: No snapshot step in the rollback plan.");
        var message = await _host.WaitForAnnouncementUpdateAsync(Id, "*Rejected* by <@U0REV1>: No snapshot step in the rollback plan.");
        Assert.DoesNotContain(WorkflowHost.ButtonsOf(message), button => button.Text is "Approve" or "Reject");
    }

    [Fact]
    public async Task Veto_ByAReviewerRefusedNamingTheEoc_ByTheEocStopsTheChange()
    {
        await _host.FileValidAsync();

        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Reviewer1, Id, "Veto (EOC)"));
        var refusal = await _host.WaitForPrivateReplyAsync("Only the engineer on call (EOC) can veto CR-2026-0001");
        Assert.Contains("On call now: <@U0EOC>", WorkflowHost.TextOf(refusal), StringComparison.Ordinal);
        Assert.Single(_host.Slack.CallsTo("views.open"));

        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Eoc, Id, "Veto (EOC)"));
        var ack = await _host.GiveReasonAsync(WorkflowUsers.Eoc, "Black Friday traffic is still high.");

        Assert.Equal("clear", ack?["response_action"]?.GetValue<string>());
        await _host.WaitForThreadReplyAsync(Id, "🛑 <@U0EOC> (EOC) vetoed CR-2026-0001: Black Friday traffic is still high.");
        await _host.WaitForAnnouncementUpdateAsync(Id, "*Vetoed* by <@U0EOC>");
    }

    [Fact]
    public async Task Schedule_PlannedOutsideTheWindow_ThreadSaysWhyAndTheNextAllowedStartCanBeTaken()
    {
        var noon = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        await _host.FileValidAsync(new IntakeFormValues().Start(noon));
        var filed = await _host.LatestAnnouncementAsync(Id);
        Assert.Contains("may not start at", WorkflowHost.TextOf(filed), StringComparison.Ordinal);

        await _host.PressAsync(WorkflowUsers.Reviewer1, Id, "Approve", "<@U0REV1> approved");
        await _host.PressAsync(WorkflowUsers.Reviewer2, Id, "Approve", "<@U0REV2> approved");
        await _host.PressAsync(WorkflowUsers.Eoc, Id, "Acknowledge as EOC", "<@U0EOC> approved");

        var offer = await _host.WaitForThreadReplyAsync(Id, "is fully approved but can't be scheduled for its planned start");
        var nextStart = new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);
        Assert.Contains($"Next allowed start: <!date^{nextStart.ToUnixTimeSeconds()}^", WorkflowHost.TextOf(offer), StringComparison.Ordinal);
        var take = Assert.Single(WorkflowHost.ButtonsOf(offer));
        Assert.Equal("Move to the next allowed start", take.Text);
        await _host.WaitForAnnouncementUpdateAsync(Id, "Approved");

        Assert.Null(await _host.Interactions.ClickAsync(WorkflowUsers.Requester, take.ActionId, take.Value));

        var moved = await _host.WaitForThreadReplyAsync(Id, "revision 2 replaces revision 1 (moved to the next allowed start");
        Assert.Contains("3 approval(s) voided", WorkflowHost.TextOf(moved), StringComparison.Ordinal);
        var message = await _host.WaitForAnnouncementUpdateAsync(Id, "revision 2");
        Assert.Contains($"<!date^{nextStart.ToUnixTimeSeconds()}^", WorkflowHost.TextOf(message), StringComparison.Ordinal);
        Assert.Contains("Admission*: may start at", WorkflowHost.TextOf(message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_EmergencyChange_OnlyTheIncidentCommanderApprovesAndItIsScheduledAtOnce()
    {
        await _host.FileValidAsync(new IntakeFormValues()
            .Select(ChangeRequestFields.Type, "emergency")
            .Text(ChangeRequestFields.IncidentId, "INC-4242")
            .Start(WorkflowHost.Now.AddMinutes(10)));
        var filed = await _host.LatestAnnouncementAsync(Id);
        Assert.Equal(["Approve as incident commander"], WorkflowHost.ButtonsOf(filed).Where(button => button.Text.StartsWith("Approve", StringComparison.Ordinal)).Select(button => button.Text));

        Assert.Null(await _host.Interactions.ClickOnAnnouncementAsync(WorkflowUsers.Eoc, Id, "Approve as incident commander"));
        var refusal = await _host.WaitForPrivateReplyAsync("needs the incident commander, and you don't hold that role right now");
        Assert.Contains("Holding it now: <@U0IMOC>", WorkflowHost.TextOf(refusal), StringComparison.Ordinal);

        await _host.PressAsync(WorkflowUsers.IncidentCommander, Id, "Approve as incident commander", "<@U0IMOC> approved: Incident commander approval (1 of 1).");
        await _host.WaitForThreadReplyAsync(Id, "is fully approved and *scheduled*");
    }
}
