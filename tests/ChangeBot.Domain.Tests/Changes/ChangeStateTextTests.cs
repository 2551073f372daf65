using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Tests.Changes;

public class ChangeStateTextTests
{
    [Theory]
    [InlineData(ChangeState.InProgress, "in_progress")]
    [InlineData(ChangeState.RolledBack, "rolled_back")]
    [InlineData(ChangeState.Monitoring, "monitoring")]
    public void ToWireName_IsSnakeCase(ChangeState state, string wire)
    {
        Assert.Equal(wire, state.ToWireName());
    }

    [Fact]
    public void TryParseWireName_RoundTripsEveryState()
    {
        foreach (var state in Enum.GetValues<ChangeState>())
        {
            Assert.True(ChangeStateText.TryParseWireName(state.ToWireName(), out var parsed));
            Assert.Equal(state, parsed);
        }
    }

    [Fact]
    public void TryParseWireName_Unknown_IsFalse()
    {
        Assert.False(ChangeStateText.TryParseWireName("done", out _));
        Assert.False(ChangeStateText.TryParseWireName(null, out _));
    }

    [Fact]
    public void IsTerminal_CompletedAndTheExits()
    {
        Assert.Equal(
            [ChangeState.Completed, ChangeState.Rejected, ChangeState.Vetoed, ChangeState.Cancelled, ChangeState.RolledBack, ChangeState.Aborted],
            Enum.GetValues<ChangeState>().Where(state => state.IsTerminal()));
    }

    [Fact]
    public void Label_FollowsTheTrackerLabels()
    {
        Assert.Equal("change::unscheduled", ChangeState.Submitted.Label());
        Assert.Equal("change::unscheduled", ChangeState.Approved.Label());
        Assert.Equal("change::scheduled", ChangeState.Scheduled.Label());
        Assert.Null(ChangeState.Draft.Label());
        Assert.Null(ChangeState.Completed.Label());
    }
}
