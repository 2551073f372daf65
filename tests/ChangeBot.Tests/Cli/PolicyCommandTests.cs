using ChangeBot.Cli;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Cli;

public class PolicyCommandTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = PolicyCommand.Run(args, stdout, stderr, Clock);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Check_TheShippedDefault_Exits0()
    {
        var (exit, stdout, _) = Run("check");

        Assert.Equal(0, exit);
        Assert.Contains("ok", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AnInvalidFile_Exits2WithLineNumberedErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"changebot-cli-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: x\nwindows: nope\n");
        try
        {
            var (exit, _, stderr) = Run("check", path);

            Assert.Equal(2, exit);
            Assert.Contains($"{path}:2:", stderr, StringComparison.Ordinal);
            Assert.Contains($"{path}:1:", stderr, StringComparison.Ordinal); // criticalitySlots missing from the root
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Explain_Allowed_Exits0()
    {
        var (exit, stdout, _) = Run("explain", "--type", "normal", "--criticality", "C2", "--at", "2026-12-02T03:00:00Z", "--duration", "45m");

        Assert.Equal(0, exit);
        Assert.StartsWith("allowed:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_BlockedBySoftPcl_Exits1AndSaysUntilWhenInWords()
    {
        var (exit, stdout, _) = Run("explain", "--type", "standard", "--criticality", "C2", "--at", "2026-12-22T10:00:00Z");

        Assert.Equal(1, exit);
        Assert.StartsWith("blocked: pcl.soft until Wed 23 Dec 2026 09:00 UTC (in 21 days)", stdout, StringComparison.Ordinal);
        Assert.Contains("soft PCL 'Release day'", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_BlockedByWhatNoTimeLifts_Exits1AndPrintsWhatItWaitsFor()
    {
        var (exit, stdout, _) = Run("explain", "--type", "emergency", "--criticality", "C1", "--at", "2026-12-05T12:00:00Z");

        Assert.Equal(1, exit);
        Assert.StartsWith("blocked: emergency until emergency clears: live state or an approval lifts it", stdout, StringComparison.Ordinal);
        Assert.Contains("  waiting for: emergency", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Json_CarriesWaitingFor()
    {
        var (exit, stdout, _) = Run("explain", "--type", "emergency", "--criticality", "C1", "--at", "2026-12-05T12:00:00Z", "--json");

        Assert.Equal(1, exit);
        var answer = System.Text.Json.Nodes.JsonNode.Parse(stdout)!;
        Assert.Null(answer["nextAllowedAt"]);
        Assert.Equal(["emergency"], answer["waitingFor"]!.AsArray().Select(rule => rule!.GetValue<string>()));
    }

    [Theory]
    [InlineData("explain", "--criticality", "C7")]
    [InlineData("explain", "--criticality", "C2", "--at", "someday")]
    [InlineData("explain", "--criticality", "C2", "--colour", "red")]
    [InlineData("explain", "--criticality")]
    [InlineData("explain", "--criticality", "C2", "--policy", "/nonexistent.yaml")]
    [InlineData("calendar", "--from", "2026-12-01")]
    [InlineData("calendar", "--from", "December", "--days", "3")]
    [InlineData("frobnicate")]
    public void BadInput_Exits2WithAMessage(params string[] args)
    {
        var (exit, _, stderr) = Run(args);

        Assert.Equal(2, exit);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public void Calendar_ShowsWindowsAndLocksDayByDay()
    {
        var (exit, stdout, _) = Run("calendar", "--from", "2026-12-21", "--days", "3");
        var days = stdout.Split('\n').Where(l => l.Length > 0 && !l.StartsWith(' ')).Skip(1).ToList();

        Assert.Equal(0, exit);
        Assert.Equal(["Mon 21 Dec 2026", "Tue 22 Dec 2026", "Wed 23 Dec 2026"], days);
        Assert.Contains("normal    open 02:00–06:00", stdout, StringComparison.Ordinal);
        Assert.Contains("locked    soft PCL 'Release day'", stdout, StringComparison.Ordinal);
    }
}
