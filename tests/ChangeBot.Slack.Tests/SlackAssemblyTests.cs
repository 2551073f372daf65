namespace ChangeBot.Slack.Tests;

public class SlackAssemblyTests
{
    [Fact]
    public void SlackAdapter_DoesNotReferenceTheDomain()
    {
        var references = typeof(SlackAssemblyMarker).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("ChangeBot.Domain", references);
    }
}
