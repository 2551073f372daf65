using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Admission;

public class LockTests
{
    [Fact]
    public void SoftPclReleaseDay_FirstMinuteOn22nd_BlocksC2UntilThe23rdAt0900()
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C2, "2026-12-22T09:00:00Z"));

        Assert.Equal(["pcl.soft"], decision.Rules());
        Assert.Contains("soft PCL 'Release day'", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Equal(At("2026-12-23T09:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void SoftPclReleaseDay_MinuteBefore_AllowsC2()
    {
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C2, "2026-12-22T08:59:00Z", "1m")).Allowed);
    }

    [Fact]
    public void SoftPclReleaseDay_LastMinute_StillBlocksC2()
    {
        Assert.Equal(["pcl.soft"], Decide(Change(ChangeType.Standard, Criticality.C2, "2026-12-23T08:59:00Z", "1m")).Rules());
    }

    [Fact]
    public void SoftPclReleaseDay_At0900OnThe23rd_AllowsC2Again()
    {
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C2, "2026-12-23T09:00:00Z")).Allowed);
    }

    [Fact]
    public void SoftPclReleaseDay_C1_Blocked()
    {
        Assert.Contains("pcl.soft", Decide(Change(ChangeType.Standard, Criticality.C1, "2026-12-23T02:00:00Z")).Rules());
    }

    [Theory]
    [InlineData(Criticality.C3)]
    [InlineData(Criticality.C4)]
    public void SoftPclReleaseDay_C3AndC4_AllowedOnConditionOfEocCoordination(Criticality criticality)
    {
        var decision = Decide(Change(ChangeType.Standard, criticality, "2026-12-22T12:00:00Z"));

        Assert.True(decision.Allowed);
        var condition = Assert.Single(decision.Conditions);
        Assert.Equal("pcl.soft", condition.Rule);
        Assert.Contains("coordinate with the EOC", condition.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SoftPclReleaseDay_C2EndingAfterItBegins_BlockedByDurationLock()
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C2, "2026-12-22T08:31:00Z"));

        Assert.Equal(["duration.lock"], decision.Rules());
        Assert.Equal(At("2026-12-23T09:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void SoftPclReleaseDay_C2EndingExactlyWhenItBegins_Allowed()
    {
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C2, "2026-12-22T08:30:00Z")).Allowed);
    }

    [Theory]
    [InlineData("2027-01-22T12:00:00Z")]
    [InlineData("2027-02-22T12:00:00Z")]
    [InlineData("2027-06-22T12:00:00Z")]
    public void SoftPclReleaseDay_RecursEveryMonth(string at)
    {
        Assert.Equal(["pcl.soft"], Decide(Change(ChangeType.Standard, Criticality.C2, at)).Rules());
    }

    [Fact]
    public void SoftPcl_CanaryOnlyDeployOfAC1Change_AllowedOnCondition()
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C2, "2026-12-22T12:00:00Z") with { CanaryOnly = true });

        Assert.True(decision.Allowed);
        Assert.Contains("canary deploys may run", Assert.Single(decision.Conditions).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HardPcl_CanaryOnlyDeploy_StillBlocked()
    {
        Assert.Equal(["pcl.hard"], Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-28T12:00:00Z") with { CanaryOnly = true }).Rules());
    }

    [Fact]
    public void SoftPcl_EmergencyChange_AllowedWithEocCoordinatingWithImoc()
    {
        var decision = Decide(Change(ChangeType.Emergency, Criticality.C1, "2026-12-22T12:00:00Z"));

        Assert.True(decision.Allowed);
        Assert.Contains(decision.Conditions, c => c.Message.Contains("IMOC", StringComparison.Ordinal));
    }

    [Fact]
    public void HardPclEndOfYear_FirstMinute_BlocksEveryChangeUntil2January0900()
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-24T09:00:00Z"));

        Assert.Equal(["pcl.hard"], decision.Rules());
        Assert.Contains("hard PCL 'End-of-year holidays'", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Equal(At("2027-01-02T09:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void HardPclEndOfYear_MinuteBefore_Allowed()
    {
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-24T08:59:00Z", "1m")).Allowed);
    }

    [Theory]
    [InlineData("2026-12-31T23:59:00Z")]
    [InlineData("2027-01-01T00:00:00Z")]
    [InlineData("2027-01-02T08:59:00Z")]
    public void HardPclEndOfYear_AcrossNewYearToItsLastMinute_Blocked(string at)
    {
        Assert.Equal(["pcl.hard"], Decide(Change(ChangeType.Standard, Criticality.C4, at, "1m")).Rules());
    }

    [Fact]
    public void HardPclEndOfYear_At0900On2January_Allowed()
    {
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, "2027-01-02T09:00:00Z")).Allowed);
    }

    [Fact]
    public void HardPclEndOfYear_RecursNextYear()
    {
        Assert.Equal(["pcl.hard"], Decide(Change(ChangeType.Standard, Criticality.C4, "2027-12-28T12:00:00Z")).Rules());
    }

    [Fact]
    public void HardPcl_NormalChange_NextAllowedIsTheFirstNormalWindowAfterTheLock()
    {
        // 2 Jan 2027 is a Saturday: the next normal window is Tuesday 5 Jan 02:00.
        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, "2026-12-29T02:00:00Z"));

        Assert.Equal(["pcl.hard"], decision.Rules());
        Assert.Equal(At("2027-01-05T02:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void HardPcl_EmergencyWithOnlyIncidentCommander_BlockedNamingTheMissingEoc()
    {
        var decision = Decide(Change(ChangeType.Emergency, Criticality.C1, "2026-12-25T12:00:00Z"));

        Assert.Equal(["pcl.hard"], decision.Rules());
        Assert.Contains("missing: EOC", decision.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HardPcl_EmergencyWithEocAndImoc_AllowedAndTheVpeIsInformed()
    {
        var query = Change(ChangeType.Emergency, Criticality.C1, "2026-12-25T12:00:00Z") with
        {
            Approvals = new HashSet<ApproverRole> { ApproverRole.IncidentCommander, ApproverRole.Eoc },
        };

        var decision = Decide(query);

        Assert.True(decision.Allowed);
        Assert.Contains(decision.Conditions, c => c.Rule == "emergency" && c.Message.Contains("inform the VPE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ExceptionCategory.SecurityPatchCritical)]
    [InlineData(ExceptionCategory.SecurityPatchHigh)]
    public void HardPcl_SecurityPatchExceptionApprovedByVpe_Allowed(ExceptionCategory category)
    {
        var query = Change(ChangeType.Standard, Criticality.C3, "2026-12-28T12:00:00Z") with
        {
            Exception = category,
            Approvals = new HashSet<ApproverRole> { ApproverRole.Vpe },
        };

        var decision = Decide(query);

        Assert.True(decision.Allowed);
        Assert.Equal(["exception"], decision.ConditionRules());
    }

    [Fact]
    public void HardPcl_SecurityPatchExceptionWithoutVpeApproval_Blocked()
    {
        var query = Change(ChangeType.Standard, Criticality.C3, "2026-12-28T12:00:00Z") with { Exception = ExceptionCategory.SecurityPatchHigh };

        var decision = Decide(query);

        Assert.Equal(["pcl.hard"], decision.Rules());
        Assert.Contains("needs the VPE's approval", decision.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HardPcl_ActiveIncidentFixWithoutAnActiveIncident_Blocked()
    {
        var query = Change(ChangeType.Standard, Criticality.C3, "2026-12-28T12:00:00Z") with
        {
            Exception = ExceptionCategory.ActiveIncidentFix,
            IncidentId = "INC-7",
            Approvals = new HashSet<ApproverRole> { ApproverRole.Vpe },
        };

        Assert.Equal(["pcl.hard"], Decide(query).Rules());
    }

    [Fact]
    public void HardPcl_ActiveIncidentFixLinkedToAnActiveIncidentApprovedByVpe_Allowed()
    {
        var query = Change(ChangeType.Standard, Criticality.C3, "2026-12-28T12:00:00Z") with
        {
            Exception = ExceptionCategory.ActiveIncidentFix,
            IncidentId = "INC-7",
            Approvals = new HashSet<ApproverRole> { ApproverRole.Vpe },
        };
        var live = new LiveState { Incidents = [new ActiveIncident("INC-7", IncidentSeverity.S3)] };

        Assert.True(Decide(query, live: live).Allowed);
    }

    [Fact]
    public void SoftPcl_ExceptionItDoesNotList_DoesNotLiftIt()
    {
        var query = Change(ChangeType.Standard, Criticality.C2, "2026-12-22T12:00:00Z") with
        {
            Exception = ExceptionCategory.SecurityPatchHigh,
            Approvals = new HashSet<ApproverRole> { ApproverRole.Vpe },
        };

        Assert.Equal(["pcl.soft"], Decide(query).Rules());
    }

    [Fact]
    public void MonthlyLockOnThe31st_InAThirtyDayMonth_HoldsOnItsLastDay()
    {
        var monthEnd = new ChangeLock
        {
            Id = "month-end",
            Name = "Month end",
            Kind = LockKind.Freeze,
            Strength = LockStrength.Hard,
            Schedule = new MonthlySchedule(31, new(0, 0), 1, new(0, 0)),
        };
        var policy = OpenPolicy() with { Locks = [monthEnd] };

        Assert.Equal(["freeze"], Decide(Change(ChangeType.Standard, Criticality.C4, "2026-11-30T12:00:00Z"), policy).Rules());
        Assert.Equal(["freeze"], Decide(Change(ChangeType.Standard, Criticality.C4, "2027-02-28T12:00:00Z"), policy).Rules());
        Assert.Equal(["freeze"], Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-31T23:59:00Z", "1m"), policy).Rules());
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, "2027-01-01T00:00:00Z"), policy).Allowed);
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, "2026-11-29T12:00:00Z"), policy).Allowed);
    }

    [Fact]
    public void RuntimeFreeze_ScopedToAService_BlocksOnlyThatServiceInThatEnvironment()
    {
        var freeze = new ChangeLock
        {
            Id = "42",
            Name = "Redis migration",
            Kind = LockKind.Freeze,
            Strength = LockStrength.Hard,
            Schedule = new OneOffSchedule(new TimeInterval(At("2026-12-05T00:00:00Z"), At("2026-12-06T00:00:00Z"))),
            Scope = LockScope.Of(["production"], ["redis"]),
        };

        var redis = Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-05T12:00:00Z", "30m", "redis"), runtimeLocks: freeze);
        var web = Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-05T12:00:00Z", "30m", "web"), runtimeLocks: freeze);
        var staging = Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-05T12:00:00Z", "30m", "redis") with { Environment = "staging" }, runtimeLocks: freeze);

        Assert.Equal(["freeze"], redis.Rules());
        Assert.Equal(At("2026-12-06T00:00:00Z"), redis.NextAllowedAt);
        Assert.True(web.Allowed);
        Assert.True(staging.Allowed);
    }

    [Fact]
    public void YearlyLockInBerlin_HoldsInLocalWallClockTime()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var summer = new ChangeLock
        {
            Id = "summer",
            Name = "Summer party",
            Strength = LockStrength.Hard,
            Zone = berlin,
            Schedule = new YearlySchedule(7, 1, new(9, 0), 7, 2, new(9, 0)),
        };
        var policy = OpenPolicy() with { Locks = [summer] };

        // 09:00 CEST is 07:00 UTC.
        Assert.True(Decide(Change(ChangeType.Standard, Criticality.C4, "2027-07-01T06:59:00Z", "1m"), policy).Allowed);
        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, "2027-07-01T07:00:00Z"), policy);
        Assert.Equal(["pcl.hard"], decision.Rules());
        Assert.Contains("Europe/Berlin", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Equal(At("2027-07-02T07:00:00Z"), decision.NextAllowedAt);
    }
}
