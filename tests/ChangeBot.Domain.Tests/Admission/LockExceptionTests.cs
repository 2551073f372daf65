using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Domain.Tests.Changes;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Admission;

/// <summary>
/// An approved exception to a lock (the default hard PCL "End-of-year holidays", 24 Dec 09:00 to 2 Jan 09:00 UTC,
/// which allows security patches and incident fixes, approved by the VPE) lets its change through that lock only.
/// </summary>
public class LockExceptionTests
{
    private const string HardPclId = "end-of-year-holidays";
    private const string InHardPcl = "2026-12-28T12:00:00Z";
    private static readonly ChangeId Excepted = ChangeId.Parse("CR-2026-0042");
    private static readonly ChangeId Other = ChangeId.Parse("CR-2026-0043");
    private static readonly DateTimeOffset OccurrenceEnd = At("2027-01-02T09:00:00Z");

    private static LockExceptionGrant Grant(ChangeId? change = null, string lockId = HardPclId, DateTimeOffset? expires = null, ExceptionCategory category = ExceptionCategory.SecurityPatchCritical) =>
        new(change ?? Excepted, lockId, category, 1, "U0VPE", expires ?? OccurrenceEnd);

    private static AdmissionQuery Asking(ChangeId id, string at = InHardPcl, ChangeType type = ChangeType.Standard, params LockExceptionGrant[] grants) =>
        Change(type, Criticality.C3, at) with { ChangeId = id, LockExceptions = grants };

    [Fact]
    public void HardPcl_ApprovedExceptionForThisChange_AllowedWithAConditionNamingTheLockAndApprover()
    {
        var decision = Decide(Asking(Excepted, grants: Grant()));

        Assert.True(decision.Allowed);
        var condition = Assert.Single(decision.Conditions, c => c.Rule == AdmissionRuleIds.Exception);
        Assert.Contains("hard PCL 'End-of-year holidays'", condition.Message, StringComparison.Ordinal);
        Assert.Contains("U0VPE", condition.Message, StringComparison.Ordinal);
        Assert.Contains("a security patch rated critical", condition.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HardPcl_ExceptionApprovedForAnotherChange_StillBlocked()
    {
        var decision = Decide(Asking(Other, grants: Grant()));

        Assert.Equal(["pcl.hard"], decision.Rules());
    }

    [Fact]
    public void HardPcl_ExceptionForItButAnotherLockOverlaps_BlockedByTheOtherLockOnly()
    {
        var freeze = ChangeLock.Once("quarter-close", "Quarter close", LockKind.Freeze, LockStrength.Hard, new TimeInterval(At("2026-12-28T00:00:00Z"), At("2026-12-29T00:00:00Z")));

        var decision = Decide(Asking(Excepted, grants: Grant()), runtimeLocks: freeze);

        Assert.Equal(["freeze"], decision.Rules());
        Assert.Contains("Quarter close", decision.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HardPcl_ExceptionExpiredBeforeNow_Blocked()
    {
        var decision = Decide(Asking(Excepted, grants: Grant(expires: Now)));

        Assert.Equal(["pcl.hard"], decision.Rules());
    }

    [Fact]
    public void HardPcl_ExceptionForThisYearsOccurrence_DoesNotLetItThroughNextYears()
    {
        var decision = Decide(Asking(Excepted, "2027-12-28T12:00:00Z", grants: Grant()));

        Assert.Equal(["pcl.hard"], decision.Rules());
    }

    [Fact]
    public void HardPcl_ExceptionLiftsTheLockButNotTheWindow_NormalChangeOnSaturdayBlockedByTheWindow()
    {
        var decision = Decide(Asking(Excepted, "2026-12-26T03:00:00Z", ChangeType.Normal, Grant()));

        Assert.Equal(["window.normal"], decision.Rules());
    }

    [Fact]
    public void HardPcl_ExceptionLiftsTheLockButNotAnIncident_Blocked()
    {
        var live = new LiveState { Incidents = [new ActiveIncident("INC-9", IncidentSeverity.S1)] };

        var decision = Decide(Asking(Excepted, grants: Grant()), live: live);

        Assert.Equal(["incident.active"], decision.Rules());
    }

    [Fact]
    public void HardPcl_ExceptionForACategoryTheLockNoLongerLists_Blocked()
    {
        var policy = ChangePolicy.Default with
        {
            Locks = [.. ChangePolicy.Default.Locks.Select(l => l.Id == HardPclId ? l with { Exceptions = new HashSet<ExceptionCategory> { ExceptionCategory.ActiveIncidentFix } } : l)],
        };

        var decision = Decide(Asking(Excepted, grants: Grant()), policy);

        Assert.Equal(["pcl.hard"], decision.Rules());
    }

    [Fact]
    public void HardPcl_ExceptionForAnActiveIncidentFixNotLinkedToOne_Blocked()
    {
        var decision = Decide(Asking(Excepted, grants: Grant(category: ExceptionCategory.ActiveIncidentFix)));

        Assert.Equal(["pcl.hard"], decision.Rules());
        Assert.Contains("linked to no incident that is active", decision.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HardPcl_ChangeStartingBeforeAndRunningIntoTheExceptedLock_Allowed()
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C3, "2026-12-24T08:45:00Z", "45m") with { ChangeId = Excepted, LockExceptions = [Grant()] });

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void For_AChangeEditedAfterTheExceptionWasApproved_TheExceptionNoLongerCounts()
    {
        var change = new ChangeRequestBuilder()
            .With(c => c with { Type = ChangeType.Normal, PlannedStart = At("2026-12-29T03:00:00Z"), Criticality = Criticality.C3 })
            .Submitted();
        var grant = new LockExceptionGrant(change.Id, HardPclId, ExceptionCategory.SecurityPatchHigh, change.Revision, "U0VPE", OccurrenceEnd);

        var before = Decide(AdmissionQuery.For(change, lockExceptions: [grant]));
        change.Edit(change.Content with { Title = "Also bump the kernel" }, ChangeRequestBuilder.RequesterActor, ChangeRules.Default, false, Now);
        var after = Decide(AdmissionQuery.For(change, lockExceptions: [grant]));

        Assert.DoesNotContain("pcl.hard", before.Rules());
        Assert.Contains("pcl.hard", after.Rules());
    }
}
