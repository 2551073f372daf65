using ChangeBot.Data.Changes;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Home;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Execution;

/// <summary>The Home tab rendered without HTTP: it stays inside Slack's limits however much there is to show.</summary>
public sealed class HomeTabViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_ThirtyChangesInEverySection_SummarisesAndKeepsSlackLimits()
    {
        var many = Enumerable.Range(1, 30).Select(Summary).ToList();
        var home = new HomeSnapshot("U0REQ", Now, many, many, many, ["CR-2026-0001"], new HomeLock("soft PCL 'Release day'", Now, Now.AddDays(1), "blocks C1/C2"), null, [Now.AddHours(14)], []);

        var json = HomeTabView.Render(home).ToJson();

        Assert.Null(SlackBlockRules.CheckView(json));
        var text = SlackAnswer.TextOf(json);
        Assert.Contains("…and 20 more: `/change list`.", text, StringComparison.Ordinal);
        Assert.Contains("soft PCL 'Release day'", text, StringComparison.Ordinal);
        Assert.Contains("⏭ Next: None ahead.", text, StringComparison.Ordinal);
        Assert.Contains("14 hours from now", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NothingToShow_SaysSoInEachSection()
    {
        var home = new HomeSnapshot("U0REQ", Now, [], [], [], [], null, null, [], []);

        var text = SlackAnswer.TextOf(HomeTabView.Render(home).ToJson());

        Assert.Contains("Nothing waits for your approval.", text, StringComparison.Ordinal);
        Assert.Contains("You have no open changes.", text, StringComparison.Ordinal);
        Assert.Contains("No change is rolling out right now.", text, StringComparison.Ordinal);
        Assert.Contains("Normal changes may start at any time.", text, StringComparison.Ordinal);
    }

    private static ChangeSummary Summary(int number) => new(
        ChangeId.Create(2026, number),
        $"Change number {number}",
        ChangeState.Submitted,
        ChangeType.Normal,
        Criticality.C3,
        "U0REQ",
        "U0EXEC",
        Now.AddDays(1),
        Now.AddDays(1).AddMinutes(45),
        1,
        1,
        Now);
}
