using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Policy;

public class DaylightSavingTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly ChangePolicy BerlinNights = OpenPolicy() with
    {
        Windows = new Dictionary<ChangeType, ChangeWindow>
        {
            [ChangeType.Normal] = ChangeWindow.Within(Berlin, DailySpan.EveryDay(new(2, 0), new(6, 0))),
        },
    };

    [Theory]
    [InlineData("2026-03-28T01:00:00Z", true)] // 02:00 CET (UTC+1), before the spring switch
    [InlineData("2026-03-28T00:59:00Z", false)]
    [InlineData("2026-03-28T04:59:00Z", true)] // 05:59 CET
    [InlineData("2026-03-28T05:00:00Z", false)] // 06:00 CET
    [InlineData("2026-03-30T00:00:00Z", true)] // 02:00 CEST (UTC+2), after it
    [InlineData("2026-03-29T23:59:00Z", false)]
    [InlineData("2026-03-30T03:59:00Z", true)] // 05:59 CEST
    [InlineData("2026-03-30T04:00:00Z", false)] // 06:00 CEST
    [InlineData("2026-10-24T00:00:00Z", true)] // 02:00 CEST, before the autumn switch
    [InlineData("2026-10-26T01:00:00Z", true)] // 02:00 CET, after it
    [InlineData("2026-10-26T00:59:00Z", false)]
    public void BerlinWindow0200To0600_IsWallClockTimeOnBothSidesOfTheSwitch(string at, bool allowed)
    {
        Assert.Equal(allowed, Decide(Change(ChangeType.Normal, Criticality.C4, at, "1m"), BerlinNights).Allowed);
    }

    [Fact]
    public void BerlinWindow_OnTheSpringSwitchNight_OpensWhenTheSkippedHourEnds()
    {
        // 29 Mar 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC); 02:00 local never happens.
        var before = Decide(Change(ChangeType.Normal, Criticality.C4, "2026-03-29T00:30:00Z", "1m"), BerlinNights);

        Assert.False(before.Allowed);
        Assert.Equal(At("2026-03-29T01:00:00Z"), before.NextAllowedAt);
    }

    [Fact]
    public void BerlinWindow_NextOpeningAcrossTheSwitch_IsLocal0200()
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C4, "2026-03-29T05:00:00Z"), BerlinNights);

        Assert.Equal(["window.normal"], decision.Rules());
        Assert.Equal(At("2026-03-30T00:00:00Z"), decision.NextAllowedAt);
        Assert.Contains("Europe/Berlin", decision.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-24T23:59:00Z", false)]
    [InlineData("2026-10-25T00:00:00Z", true)] // the first 02:00 (CEST) of the night clocks go back
    [InlineData("2026-10-25T04:59:00Z", true)] // 05:59 CET
    [InlineData("2026-10-25T05:00:00Z", false)] // 06:00 CET
    public void BerlinWindow_OnTheAutumnSwitchNight_OpensAtTheFirst0200AndClosesAt0600Local(string at, bool allowed)
    {
        Assert.Equal(allowed, Decide(Change(ChangeType.Normal, Criticality.C4, at, "1m"), BerlinNights).Allowed);
    }
}
