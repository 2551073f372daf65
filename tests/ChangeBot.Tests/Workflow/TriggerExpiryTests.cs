namespace ChangeBot.Tests.Workflow;

/// <summary>A form Slack would no longer open (its trigger id expired or was used) tells the user to try again.</summary>
public sealed class TriggerExpiryTests : IAsyncLifetime
{
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NewCommand_TriggerExpiredBeforeTheFormOpened_EphemeralSaysItTookTooLongRunItAgain()
    {
        var trigger = _host.Slack.IssueTriggerId();
        _host.Time.Advance(TimeSpan.FromSeconds(4));

        var ack = await _host.Interactions.CommandAsync(WorkflowUsers.Requester, "new", trigger);

        Assert.Equal("ephemeral", ack?["response_type"]?.GetValue<string>());
        var text = ack?["text"]?.GetValue<string>();
        Assert.NotNull(text);
        Assert.StartsWith("That took too long", text, StringComparison.Ordinal);
        Assert.EndsWith("Run the command again.", text, StringComparison.Ordinal);
        Assert.Equal("trigger_expired", Assert.Single(_host.Slack.CallsTo("views.open")).Error);
    }

    [Fact]
    public async Task EditCommand_TriggerAlreadyUsed_EphemeralSaysItTookTooLong()
    {
        await _host.FileValidAsync();
        var trigger = _host.Slack.IssueTriggerId();
        Assert.Null(await _host.Interactions.CommandAsync(WorkflowUsers.Requester, "edit CR-2026-0001", trigger));

        var ack = await _host.Interactions.CommandAsync(WorkflowUsers.Requester, "edit CR-2026-0001", trigger);

        Assert.StartsWith("That took too long", ack?["text"]?.GetValue<string>(), StringComparison.Ordinal);
    }
}
