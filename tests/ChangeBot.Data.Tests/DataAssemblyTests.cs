namespace ChangeBot.Data.Tests;

public class DataAssemblyTests
{
    [Fact]
    public void DataLayer_DoesNotReferenceSlack()
    {
        var references = typeof(DataAssemblyMarker).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain("ChangeBot.Slack", references);
    }
}
