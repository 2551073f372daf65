using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Admission;

public class LiveStateTests
{
    private const string Saturday = "2026-12-05T12:00:00Z";

    private static LiveState Incident(IncidentSeverity severity) =>
        new() { Incidents = [new ActiveIncident("INC-9", severity)] };

    [Theory]
    [InlineData(IncidentSeverity.S1)]
    [InlineData(IncidentSeverity.S2)]
    public void ActiveS1OrS2Incident_BlocksEveryChangeWithNoNextStart(IncidentSeverity severity)
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, Saturday), live: Incident(severity));

        Assert.Equal(["incident.active"], decision.Rules());
        Assert.Contains("INC-9", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Null(decision.NextAllowedAt);
    }

    [Fact]
    public void ActiveS1Incident_EmergencyLinkedToIt_Allowed()
    {
        var decision = Decide(Change(ChangeType.Emergency, Criticality.C1, Saturday) with { IncidentId = "inc-9" }, live: Incident(IncidentSeverity.S1));

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void ActiveS1Incident_EmergencyNotLinkedToIt_Blocked()
    {
        var decision = Decide(Change(ChangeType.Emergency, Criticality.C1, Saturday) with { IncidentId = "INC-1" }, live: Incident(IncidentSeverity.S1));

        Assert.Equal(["incident.active"], decision.Rules());
    }

    [Theory]
    [InlineData(IncidentSeverity.S3)]
    [InlineData(IncidentSeverity.S4)]
    public void ActiveS3OrS4Incident_AllowsWithAWarning(IncidentSeverity severity)
    {
        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, Saturday), live: Incident(severity));

        Assert.True(decision.Allowed);
        Assert.Equal(["incident.minor"], decision.ConditionRules());
    }

    [Theory]
    [InlineData(Criticality.C1, Criticality.C2)]
    [InlineData(Criticality.C2, Criticality.C1)]
    [InlineData(Criticality.C2, Criticality.C2)]
    public void C1OrC2InProgress_BlocksAnotherC1OrC2(Criticality running, Criticality asking)
    {
        var live = new LiveState { InProgress = [new ChangeInProgress(ChangeId.Parse("CR-2026-0007"), running, ["db"])] };

        var decision = Decide(Change(ChangeType.Standard, asking, "2026-12-05T23:00:00Z"), live: live);

        Assert.Equal(["serialisation"], decision.Rules());
        Assert.Contains("CR-2026-0007", decision.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C1InProgress_C3MayRunWithANoticeOfWhatRuns()
    {
        var live = new LiveState { InProgress = [new ChangeInProgress(ChangeId.Parse("CR-2026-0007"), Criticality.C1, ["db"])] };

        var decision = Decide(Change(ChangeType.Standard, Criticality.C3, Saturday), live: live);

        Assert.True(decision.Allowed);
        var notice = Assert.Single(decision.Conditions);
        Assert.Equal("serialisation.notice", notice.Rule);
        Assert.Contains("CR-2026-0007 (C1, db)", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeInProgress_DoesNotSerialiseAgainstItself()
    {
        var id = ChangeId.Parse("CR-2026-0007");
        var live = new LiveState { InProgress = [new ChangeInProgress(id, Criticality.C1, ["db"])] };

        var decision = Decide(Change(ChangeType.Standard, Criticality.C1, "2026-12-05T23:00:00Z") with { ChangeId = id }, live: live);

        Assert.True(decision.Allowed);
        Assert.Empty(decision.Conditions);
    }

    [Fact]
    public void MonitoringDown_BlocksElectiveChanges()
    {
        var live = new LiveState { Monitoring = new MonitoringStatus(false, At("2026-12-05T11:00:00Z")) };

        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, Saturday), live: live);

        Assert.Equal(["monitoring.down"], decision.Rules());
        Assert.Contains("no metrics, no changes", decision.Reasons[0].Message, StringComparison.Ordinal);
        Assert.Null(decision.NextAllowedAt);
    }

    [Fact]
    public void MonitoringDown_EmergencyStillStarts()
    {
        var live = new LiveState { Monitoring = new MonitoringStatus(false) };

        Assert.True(Decide(Change(ChangeType.Emergency, Criticality.C1, Saturday), live: live).Allowed);
    }

    [Fact]
    public void ScheduledChangeOnTheSameServiceOverlapping_IsAConflictCondition()
    {
        var other = new ScheduledChange(ChangeId.Parse("CR-2026-0100"), ["redis"], new TimeInterval(At("2026-12-05T12:15:00Z"), At("2026-12-05T13:00:00Z")));
        var notOverlapping = new ScheduledChange(ChangeId.Parse("CR-2026-0101"), ["redis"], new TimeInterval(At("2026-12-05T12:30:00Z"), At("2026-12-05T13:00:00Z")));
        var otherService = new ScheduledChange(ChangeId.Parse("CR-2026-0102"), ["web"], new TimeInterval(At("2026-12-05T12:00:00Z"), At("2026-12-05T13:00:00Z")));
        var live = new LiveState { Scheduled = new ScheduledChangeIndex([other, notOverlapping, otherService]) };

        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, Saturday, "30m", "redis", "session-cache"), live: live);

        Assert.True(decision.Allowed);
        var conflict = Assert.Single(decision.Conditions);
        Assert.Equal("conflict", conflict.Rule);
        Assert.Contains("CR-2026-0100 on redis", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduledChange_DoesNotConflictWithItself()
    {
        var id = ChangeId.Parse("CR-2026-0100");
        var self = new ScheduledChange(id, ["redis"], new TimeInterval(At(Saturday), At("2026-12-05T12:30:00Z")));
        var live = new LiveState { Scheduled = new ScheduledChangeIndex([self]) };

        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, Saturday, "30m", "redis") with { ChangeId = id }, live: live);

        Assert.Empty(decision.Conditions);
    }
}
