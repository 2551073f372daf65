using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Admission;

public class ExclusionTests
{
    private static readonly ChangePolicy MajorReleasePolicy = OpenPolicy(
        CalendarExclusion.MajorRelease("v5", At("2026-12-10T12:00:00Z"), TimeSpan.FromHours(48), Types(ChangeType.Normal)));

    [Theory]
    [InlineData("2026-12-08T12:00:00Z")] // exactly 48 h before
    [InlineData("2026-12-10T12:00:00Z")]
    [InlineData("2026-12-12T11:59:00Z")] // last minute of the 48 h after
    public void NormalChange_Within48HoursOfMajorRelease_Blocked(string at)
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C4, at, "1m"), MajorReleasePolicy);

        Assert.Equal(["exclusion.major-release"], decision.Rules());
        Assert.Contains("within 48 h of major release 'v5'", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Equal(At("2026-12-12T12:00:00Z"), decision.NextAllowedAt);
    }

    [Theory]
    [InlineData("2026-12-08T11:30:00Z")] // ends exactly 48 h before
    [InlineData("2026-12-12T12:00:00Z")] // exactly 48 h after
    public void NormalChange_AtThe48HourEdgesOutside_Allowed(string at)
    {
        Assert.True(Decide(Change(ChangeType.Normal, Criticality.C4, at), MajorReleasePolicy).Allowed);
    }

    [Fact]
    public void NormalChange_RunningInto48HoursBeforeMajorRelease_BlockedByDurationLock()
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C4, "2026-12-08T11:31:00Z"), MajorReleasePolicy);

        Assert.Equal(["duration.lock"], decision.Rules());
    }

    [Fact]
    public void StandardChange_NearMajorRelease_Allowed()
    {
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-10T12:00:00Z"), MajorReleasePolicy).Allowed);
    }

    [Fact]
    public void Holiday_BlocksStandardAndNormalChangesForTheWholeDay()
    {
        var policy = OpenPolicy(CalendarExclusion.Holiday("Thanksgiving", new DateOnly(2027, 11, 25), TimeZoneInfo.Utc, Types(ChangeType.Standard, ChangeType.Normal)));

        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, "2027-11-24T23:59:00Z", "1m"), policy).Allowed);
        var first = Decide(Change(ChangeType.Standard, Criticality.C4, "2027-11-25T00:00:00Z"), policy);
        Assert.Equal(["holiday"], first.Rules());
        Assert.Equal(At("2027-11-26T00:00:00Z"), first.NextAllowedAt);
        Assert.Equal(["holiday"], Decide(Change(ChangeType.Normal, Criticality.C4, "2027-11-25T23:59:00Z", "1m"), policy).Rules());
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, "2027-11-26T00:00:00Z"), policy).Allowed);
    }

    [Fact]
    public void Holiday_EmergencyChange_Allowed()
    {
        var policy = OpenPolicy(CalendarExclusion.Holiday("Thanksgiving", new DateOnly(2027, 11, 25), TimeZoneInfo.Utc, Types(ChangeType.Standard, ChangeType.Normal)));

        Assert.True(Decide(Change(ChangeType.Emergency, Criticality.C1, "2027-11-25T12:00:00Z"), policy).Allowed);
    }

    [Fact]
    public void PeakTrafficEveryFriday_BlocksNormalChangesInIt()
    {
        var peak = new CalendarExclusion
        {
            Kind = ExclusionKind.PeakTraffic,
            Name = "Friday evening",
            Schedule = new WeeklySchedule(new DailySpan(new HashSet<DayOfWeek> { DayOfWeek.Friday }, new(17, 0), new(21, 0))),
            AppliesTo = Types(ChangeType.Normal),
        };
        var policy = OpenPolicy(peak);

        var blocked = Decide(Change(ChangeType.Normal, Criticality.C4, "2026-12-04T17:00:00Z"), policy);
        Assert.Equal(["exclusion.peak-traffic"], blocked.Rules());
        Assert.Equal(At("2026-12-04T21:00:00Z"), blocked.NextAllowedAt);
        Assert.True(Decide(Change(ChangeType.Normal, Criticality.C4, "2026-12-04T21:00:00Z"), policy).Allowed);
        Assert.True(Decide(Change(ChangeType.Normal, Criticality.C4, "2026-12-03T17:00:00Z"), policy).Allowed);
    }
}
