using Microsoft.Extensions.Options;

namespace ChangeBot.Tests.Workflow;

/// <summary>Misconfigured channels or roles stop the start with a sentence naming the key.</summary>
public sealed class WorkflowStartupTests
{
    [Theory]
    [InlineData("Slack:Channels:Change", "#change", "Slack:Channels:Change must be a Slack channel id")]
    [InlineData("Slack:Channels:Production", "production", "Slack:Channels:Production must be a Slack channel id")]
    [InlineData("ChangeBot:Roles:Eoc:UserGroup", "@oncall", "ChangeBot:Roles:Eoc:UserGroup '@oncall' is not a Slack user group id")]
    [InlineData("ChangeBot:Roles:Admin:Users:0", "alice", "ChangeBot:Roles:Admin:Users has 'alice', which is not a Slack user id")]
    public async Task Start_MalformedSetting_RefusedNamingIt(string key, string value, string message)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => WorkflowHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }
}
