using ChangeBot.Domain.Changes;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Execution;

/// <summary>Standard changes are pre-approved once a change of their template has been approved (DESIGN.md, issue 2).</summary>
public sealed class StandardTemplateTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private const string Template = "redis-minor-upgrade";

    [Fact]
    public async Task FileStandard_FirstOfItsTemplate_NeedsItsApprovals_TheSecondIsApprovedAtOnceSayingSo()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);

        var first = await host.FileAsync(MondayNoon.AddHours(3), type: "standard", template: Template);
        var firstFiled = await host.ChangeAsync(first);
        await host.ApproveAllAsync(first);
        var second = await host.FileAsync(MondayNoon.AddHours(5), type: "standard", template: Template);
        var secondFiled = await host.ChangeAsync(second);

        Assert.Equal(ChangeState.Submitted, firstFiled.State);
        Assert.NotEmpty(firstFiled.ApprovalsStillNeeded());
        Assert.Equal(ChangeState.Scheduled, secondFiled.State);
        var announcement = await host.MessageAsync("chat.postMessage", $"pre-approved (template '{Template}')", WorkflowHost.ChangeChannel, inThread: false);
        Assert.Contains(second.ToString(), SlackAnswer.TextOf(announcement.Arguments), StringComparison.Ordinal);
        await host.MessageAsync("chat.postMessage", $"📅 {second} is fully approved and *scheduled*", WorkflowHost.ChangeChannel, inThread: true);
        Assert.DoesNotContain(
            host.Slack.CallsTo("chat.postMessage"),
            call => SlackAnswer.TextOf(call.Arguments).Contains(first.ToString(), StringComparison.Ordinal)
                && SlackAnswer.TextOf(call.Arguments).Contains("pre-approved (template", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileStandard_OtherTemplateOrTemplateOnlyFiled_StillNeedsApproval()
    {
        await using var host = await WorkflowHost.StartAsync(MondayNoon);

        await host.FileAsync(MondayNoon.AddHours(3), type: "standard", template: Template);
        var sameButFirstNeverApproved = await host.ChangeAsync(await host.FileAsync(MondayNoon.AddHours(4), type: "standard", template: Template));
        var first = await host.FileAsync(MondayNoon.AddHours(5), type: "standard", template: "cert-rotation");
        await host.ApproveAllAsync(first);
        var other = await host.ChangeAsync(await host.FileAsync(MondayNoon.AddHours(6), type: "standard", template: Template));

        Assert.Equal(ChangeState.Submitted, sameButFirstNeverApproved.State);
        Assert.Equal(ChangeState.Submitted, other.State);
    }
}
