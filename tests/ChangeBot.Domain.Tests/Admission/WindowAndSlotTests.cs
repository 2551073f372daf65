using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Admission;

public class WindowAndSlotTests
{
    [Theory]
    [InlineData("2026-12-01T02:00:00Z")] // Tuesday, first minute
    [InlineData("2026-12-02T03:00:00Z")] // Wednesday
    [InlineData("2026-12-03T05:30:00Z")] // Thursday, ends at 06:00 exactly
    public void NormalChange_TuesdayToThursdayBetween0200And0600_Allowed(string at)
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, at));

        Assert.True(decision.Allowed, string.Join("; ", decision.Reasons));
        Assert.Equal(At(at), decision.NextAllowedAt);
    }

    [Fact]
    public void NormalChange_At0559ForOneMinute_Allowed()
    {
        Assert.True(Decide(Change(ChangeType.Normal, Criticality.C3, "2026-12-01T05:59:00Z", "1m")).Allowed);
    }

    [Fact]
    public void NormalChange_At0600_BlockedByNormalWindowUntilNextDay0200()
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, "2026-12-01T06:00:00Z"));

        Assert.Equal(["window.normal"], decision.Rules());
        Assert.Contains("Tue, Wed, Thu 02:00–06:00 UTC", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Equal(At("2026-12-02T02:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void NormalChange_At0159_BlockedUntil0200()
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, "2026-12-01T01:59:00Z"));

        Assert.Equal(["window.normal"], decision.Rules());
        Assert.Equal(At("2026-12-01T02:00:00Z"), decision.NextAllowedAt);
    }

    [Theory]
    [InlineData("2026-12-04T03:00:00Z")] // Friday
    [InlineData("2026-12-06T03:00:00Z")] // Sunday
    [InlineData("2026-12-07T03:00:00Z")] // Monday
    public void NormalChange_FridayToMonday_BlockedUntilTuesday0200(string at)
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, at));

        Assert.Equal(["window.normal"], decision.Rules());
        Assert.Equal(At("2026-12-08T02:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void NormalChange_EndingAfter0600_BlockedByDurationWithLatestStart()
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, "2026-12-01T05:30:00Z", "45m"));

        Assert.Equal(["duration.window"], decision.Rules());
        Assert.Contains("start by Tue 1 Dec 2026 05:15 UTC", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Equal(At("2026-12-02T02:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void NormalChange_LongerThanTheWindow_NeverAllowedWithinHorizon()
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, "2026-12-01T02:00:00Z", "5h"));

        Assert.Equal(["duration.window"], decision.Rules());
        Assert.Null(decision.NextAllowedAt);
    }

    [Theory]
    [InlineData("2026-12-05T14:00:00Z")] // Saturday afternoon
    [InlineData("2026-12-06T23:59:00Z")]
    public void StandardChange_AnyTime_Allowed(string at)
    {
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, at)).Allowed);
    }

    [Fact]
    public void EmergencyChange_AnyTimeWithIncidentCommanderApproval_Allowed()
    {
        Assert.True(Decide(Change(ChangeType.Emergency, Criticality.C1, "2026-12-05T14:00:00Z")).Allowed);
    }

    [Fact]
    public void EmergencyChange_WithoutIncidentCommanderApproval_BlockedWithNoNextStart()
    {
        var query = Change(ChangeType.Emergency, Criticality.C1, "2026-12-05T14:00:00Z") with { Approvals = new HashSet<ChangeBot.Domain.Approvals.ApproverRole>() };

        var decision = Decide(query);

        Assert.Equal(["emergency"], decision.Rules());
        Assert.Contains("incident commander", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Null(decision.NextAllowedAt);
    }

    [Theory]
    [InlineData("2026-12-05T22:00:00Z", true)]
    [InlineData("2026-12-05T21:59:00Z", false)]
    [InlineData("2026-12-06T05:30:00Z", true)]
    [InlineData("2026-12-06T06:00:00Z", false)]
    [InlineData("2026-12-06T12:00:00Z", false)]
    public void C1Slot_OnlyBetween2200And0600(string at, bool allowed)
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C1, at));

        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Equal(["slot.c1"], decision.Rules());
        }
    }

    [Fact]
    public void C1Slot_At2159_NextAllowedAt2200()
    {
        Assert.Equal(At("2026-12-05T22:00:00Z"), Decide(Change(ChangeType.Standard, Criticality.C1, "2026-12-05T21:59:00Z")).NextAllowedAt);
    }

    [Theory]
    [InlineData("2026-12-05T22:00:00Z", true)]
    [InlineData("2026-12-06T13:30:00Z", true)]
    [InlineData("2026-12-06T14:00:00Z", false)]
    [InlineData("2026-12-06T21:59:00Z", false)]
    public void C2Slot_OnlyBetween2200And1400(string at, bool allowed)
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C2, at));

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(allowed ? [] : ["slot.c2"], decision.Rules());
    }

    [Theory]
    [InlineData(Criticality.C3)]
    [InlineData(Criticality.C4)]
    public void C3AndC4Slots_AnyTime(Criticality criticality)
    {
        Assert.True(Decide(Change(ChangeType.Standard, criticality, "2026-12-06T16:00:00Z")).Allowed);
    }

    [Fact]
    public void C1NormalChange_InsideBothWindowAndSlot_Allowed()
    {
        Assert.True(Decide(Change(ChangeType.Normal, Criticality.C1, "2026-12-02T02:00:00Z", "4h")).Allowed);
    }

    [Fact]
    public void C1EmergencyChange_OutsideTheC1Slot_AllowedBecauseSlotsSkipEmergencies()
    {
        Assert.True(Decide(Change(ChangeType.Emergency, Criticality.C1, "2026-12-06T12:00:00Z")).Allowed);
    }

    [Fact]
    public void C2StandardChange_EndingAfter1400_BlockedByDurationThenNextAt2200()
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C2, "2026-12-06T13:45:00Z", "30m"));

        Assert.Equal(["duration.window"], decision.Rules());
        Assert.Equal(At("2026-12-06T22:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void NormalC2Change_BothNormalWindowAndC2SlotApply_NextAllowedWhereBothOpen()
    {
        // Saturday 12:00: the normal window opens Tue 02:00, which is inside the C2 slot too.
        var decision = Decide(Change(ChangeType.Normal, Criticality.C2, "2026-12-05T12:00:00Z"));

        Assert.Equal(["window.normal"], decision.Rules());
        Assert.Equal(At("2026-12-08T02:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void Window_DescribesItselfInItsZone()
    {
        Assert.Equal("Tue, Wed, Thu 02:00–06:00 UTC", ChangePolicy.Default.WindowFor(ChangeType.Normal).ToString());
    }
}
