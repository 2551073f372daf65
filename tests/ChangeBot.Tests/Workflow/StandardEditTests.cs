using ChangeBot.Data;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Intake;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Workflow;

/// <summary>
/// A standard change pre-approved by its template stays pre-approved after an edit that keeps to the template (same
/// template, risk not raised); an edit that raises its risk or changes its template asks for approval as any edit does.
/// </summary>
public sealed class StandardEditTests : IAsyncLifetime
{
    private const string Template = "redis-minor-upgrade";
    private const string First = "CR-2026-0001";
    private const string Second = "CR-2026-0002";

    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Edit_PreApprovedStandardChangeWithinItsTemplate_StaysScheduled_RaisingItsRiskAsksForApproval()
    {
        await PreApprovedSecondAsync();

        Assert.Equal("clear", (await _host.EditAsync(Second, Standard().Text(ChangeRequestFields.EstimatedDuration, "20m")))?["response_action"]?.GetValue<string>());

        var kept = await _host.WaitForThreadReplyAsync(Second, "revision 2 replaces revision 1");
        Assert.Contains($"It stays pre-approved (template '{Template}')", WorkflowHost.TextOf(kept), StringComparison.Ordinal);
        Assert.DoesNotContain("waiting for approval again", WorkflowHost.TextOf(kept), StringComparison.Ordinal);
        var message = await _host.WaitForAnnouncementUpdateAsync(Second, "revision 2");
        Assert.Contains("Scheduled `change::scheduled`", WorkflowHost.TextOf(message), StringComparison.Ordinal);
        Assert.Contains($"pre-approved (template '{Template}')", WorkflowHost.TextOf(message), StringComparison.Ordinal);
        Assert.DoesNotContain(WorkflowHost.ButtonsOf(message), button => button.Text == "Approve");

        Assert.Equal("clear", (await _host.EditAsync(Second, Standard().Risk(2, 1, 1, 1)))?["response_action"]?.GetValue<string>());

        var raised = await _host.WaitForThreadReplyAsync(Second, "revision 3 replaces revision 2");
        Assert.Contains("It was scheduled and is waiting for approval again.", WorkflowHost.TextOf(raised), StringComparison.Ordinal);
        var waiting = await _host.WaitForAnnouncementUpdateAsync(Second, "revision 3");
        Assert.Contains("Waiting for approval", WorkflowHost.TextOf(waiting), StringComparison.Ordinal);
        Assert.Contains(WorkflowHost.ButtonsOf(waiting), button => button.Text == "Approve");
    }

    [Fact]
    public async Task Edit_PreApprovedStandardChangeToAnotherTemplate_AsksForApproval()
    {
        await PreApprovedSecondAsync();

        Assert.Equal("clear", (await _host.EditAsync(Second, Standard().Text(ChangeRequestFields.StandardTemplate, "cert-rotation")))?["response_action"]?.GetValue<string>());

        var reply = await _host.WaitForThreadReplyAsync(Second, "revision 2 replaces revision 1");
        Assert.Contains("It was scheduled and is waiting for approval again.", WorkflowHost.TextOf(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("stays pre-approved", WorkflowHost.TextOf(reply), StringComparison.Ordinal);
    }

    /// <summary>A low-risk standard change of <see cref="Template"/>.</summary>
    private static IntakeFormValues Standard() => new IntakeFormValues()
        .Select(ChangeRequestFields.Type, "standard")
        .Text(ChangeRequestFields.StandardTemplate, Template)
        .Risk(1, 1, 1, 1);

    /// <summary>The template's first change is approved by a reviewer; its second is then filed pre-approved and scheduled.</summary>
    private async Task PreApprovedSecondAsync()
    {
        await _host.FileValidAsync(Standard());
        await _host.PressAsync(WorkflowUsers.Reviewer1, First, "Approve", "<@U0REV1> approved");
        await _host.WaitForThreadReplyAsync(First, "is fully approved and *scheduled*");
        await _host.FileValidAsync(Standard(), number: 2);
        await _host.WaitForThreadReplyAsync(Second, "is fully approved and *scheduled*");
        Assert.Equal(ChangeState.Scheduled, (await StoredAsync(Second)).State);
    }

    private async Task<ChangeRequest> StoredAsync(string id)
    {
        var stored = await _host.Services.GetRequiredService<ChangeBotStore>().GetAsync(ChangeId.Parse(id), CancellationToken.None);
        return stored?.Change ?? throw new InvalidOperationException($"{id} is not stored");
    }
}
