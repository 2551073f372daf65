using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Admission;

/// <summary>
/// Serialisation and emergencies (exempt by default: seed 2 puts changes made to resolve an incident under incident
/// management), and what the decision says it waits for when only live state can clear it.
/// </summary>
public class SerialisationAndWaitingTests
{
    private const string SaturdayNight = "2026-12-05T23:00:00Z";
    private static readonly ChangeId Running = ChangeId.Parse("CR-2026-0007");

    private static LiveState C1Running() =>
        new() { InProgress = [new ChangeInProgress(Running, Criticality.C1, ["db"])] };

    [Fact]
    public void C1InProgress_EmergencyC1_AllowedAndToldWhatRuns()
    {
        var decision = Decide(Change(ChangeType.Emergency, Criticality.C1, SaturdayNight), live: C1Running());

        Assert.True(decision.Allowed);
        var notice = Assert.Single(decision.Conditions, c => c.Rule == AdmissionRuleIds.Concurrent);
        Assert.Contains("CR-2026-0007 (C1, db)", notice.Message, StringComparison.Ordinal);
        Assert.Contains("emergency change is not held back", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void C1InProgress_StandardC1_StillSerialised()
    {
        Assert.Equal(["serialisation"], Decide(Change(ChangeType.Standard, Criticality.C1, SaturdayNight), live: C1Running()).Rules());
    }

    [Fact]
    public void PolicyExemptingNothing_EmergencyC1WhileC1InProgress_Serialised()
    {
        var strict = ChangePolicy.Default with { Serialisation = SerialisationRule.Default with { Exempt = new HashSet<ChangeType>() } };

        var decision = Decide(Change(ChangeType.Emergency, Criticality.C1, SaturdayNight), strict, C1Running());

        Assert.Equal(["serialisation"], decision.Rules());
        Assert.Equal(["serialisation"], decision.WaitingFor);
    }

    [Fact]
    public void ActiveIncident_NextAllowedIsNullAndWaitingForNamesTheIncidentRule()
    {
        var live = new LiveState { Incidents = [new ActiveIncident("INC-9", IncidentSeverity.S1)] };

        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, SaturdayNight), live: live);

        Assert.Null(decision.NextAllowedAt);
        Assert.Equal(["incident.active"], decision.WaitingFor);
    }

    [Fact]
    public void MonitoringDownAndOutsideTheWindow_WaitingForMonitoringOnly()
    {
        var live = new LiveState { Monitoring = new MonitoringStatus(false) };

        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, SaturdayNight), live: live);

        Assert.Equal(["window.normal", "monitoring.down"], decision.Rules());
        Assert.Null(decision.NextAllowedAt);
        Assert.Equal(["monitoring.down"], decision.WaitingFor);
    }

    [Fact]
    public void OnlyTheCalendarBlocks_WaitingForIsEmptyAndNextAllowedIsSet()
    {
        var decision = Decide(Change(ChangeType.Normal, Criticality.C3, SaturdayNight));

        Assert.Empty(decision.WaitingFor);
        Assert.Equal(At("2026-12-08T02:00:00Z"), decision.NextAllowedAt);
    }

    [Fact]
    public void Allowed_WaitingForIsEmpty()
    {
        Assert.Empty(Decide(Change(ChangeType.Standard, Criticality.C4, SaturdayNight)).WaitingFor);
    }
}
