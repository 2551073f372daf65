using System.Text.Json;
using System.Text.Json.Serialization;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Triggers;

namespace ChangeBot.Tests.Monitoring;

/// <summary>The README's rollback-trigger example must be what the domain reads and what the watch evaluates.</summary>
public class ReadmeTriggerExampleTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void ReadmeExample_ReadAsContentJson_GivesTwoWatchedTriggersAndOneForPeople()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        // The example under the monitoring guide's "Rollback triggers" heading, not the API sample that lists them as text.
        var section = readme.IndexOf("#### Rollback triggers", StringComparison.Ordinal);
        var start = readme.IndexOf("\"rollbackTriggers\": [", section, StringComparison.Ordinal);
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var json = "{" + readme[start..end].Trim() + "}";

        var triggers = JsonSerializer.Deserialize<Example>(json, Web)!.RollbackTriggers;
        var watch = new RollbackTriggerWatch(triggers, TimeSpan.FromMinutes(1));

        Assert.Equal(3, triggers.Count);
        Assert.Equal(new MetricCondition(triggers[0].Metric!.PromQl, MetricComparison.Above, 0.05, TimeSpan.FromMinutes(2)), triggers[0].Metric);
        Assert.Equal(TimeSpan.FromMinutes(15), triggers[1].Window);
        Assert.Equal(2, watch.Watched.Count);
        Assert.Equal(RollbackTriggerKind.ManualReview, Assert.Single(watch.ForPeople).Kind);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChangeBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChangeBot.sln not found above the test's directory.");
    }

    private sealed record Example(IReadOnlyList<RollbackTrigger> RollbackTriggers);
}
