using ChangeBot.Data.Outbox;
using ChangeBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Workflow;

/// <summary>
/// An edit that moves a change across the C1/C2 line: #production gets a new post when the change first becomes
/// production-critical, and its message says so when it stops being one. Nothing is dead-lettered on the way.
/// </summary>
public sealed class ProductionEditTests : IAsyncLifetime
{
    private const string Id = "CR-2026-0001";

    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Edit_C3RaisedToC2_PostsANewProductionAnnouncementAndLoweredAgainSaysItIsNoLongerCritical()
    {
        await _host.FileValidAsync();
        Assert.Equal("clear", (await _host.EditAsync(Id, new IntakeFormValues().HighRiskWithTeam()))?["response_action"]?.GetValue<string>());

        var posted = await _host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowHost.ProductionChannel);
        Assert.Contains($"C2 change planned*: {Id}", WorkflowHost.TextOf(posted), StringComparison.Ordinal);
        Assert.Contains("State: Waiting for approval", WorkflowHost.TextOf(posted), StringComparison.Ordinal);
        await _host.WaitForThreadReplyAsync(Id, "revision 2 replaces revision 1");

        Assert.Equal("clear", (await _host.EditAsync(Id, new IntakeFormValues()))?["response_action"]?.GetValue<string>());

        var withdrawn = await _host.WaitForAsync("chat.update", call => call.Arg("channel") == WorkflowHost.ProductionChannel);
        Assert.Equal(posted.Ts, withdrawn.Arg("ts"));
        Assert.Contains("No longer a production-critical change", WorkflowHost.TextOf(withdrawn), StringComparison.Ordinal);
        Assert.Contains("edited to C3 (revision 3)", WorkflowHost.TextOf(withdrawn), StringComparison.Ordinal);
        await _host.WaitForThreadReplyAsync(Id, "revision 3 replaces revision 2");
        Assert.Single(_host.Slack.CallsTo("chat.postMessage"), call => call.Arg("channel") == WorkflowHost.ProductionChannel);
        await AssertNothingDeadLetteredAsync();
    }

    [Fact]
    public async Task Edit_C2KeptC2_UpdatesTheProductionAnnouncementWithTheNewWindow()
    {
        var c2 = new IntakeFormValues().HighRiskWithTeam();
        Assert.Equal("clear", (await _host.PastTheTeamStepAsync(await _host.FileAsync(c2), c2))?["response_action"]?.GetValue<string>());
        var posted = await _host.WaitForAsync("chat.postMessage", call => call.Arg("channel") == WorkflowHost.ProductionChannel);

        Assert.Equal("clear", (await _host.EditAsync(Id, new IntakeFormValues().HighRiskWithTeam().Start(WorkflowHost.InWindow.AddHours(1))))?["response_action"]?.GetValue<string>());

        var updated = await _host.WaitForAsync("chat.update", call => call.Arg("channel") == WorkflowHost.ProductionChannel);
        Assert.Equal(posted.Ts, updated.Arg("ts"));
        Assert.Contains("C2 change planned", WorkflowHost.TextOf(updated), StringComparison.Ordinal);
        Assert.Contains("2026-12-02 04:00 UTC", WorkflowHost.TextOf(updated), StringComparison.Ordinal);
        await AssertNothingDeadLetteredAsync();
    }

    private async Task AssertNothingDeadLetteredAsync()
    {
        var outbox = _host.Services.GetRequiredService<OutboxStore>();
        var counts = await outbox.CountAsync(CancellationToken.None);
        Assert.Equal(0, counts[OutboxState.Dead]);
    }
}
