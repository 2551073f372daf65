using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Domain.Tests.Changes;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Admission;

public class ChangeRequestQuestionTests
{
    [Fact]
    public void For_AFiledChange_AsksWithItsOwnFieldsAndId()
    {
        var change = new ChangeRequestBuilder()
            .With(c => c with { PlannedStart = At("2026-12-22T10:00:00Z"), EstimatedDuration = TimeSpan.FromMinutes(45), Criticality = Criticality.C2, EventManager = "U0EMOC", CommunicationsManager = "U0CMOC", BridgeLink = "https://meet.example.com/cr" })
            .Submitted();

        var query = AdmissionQuery.For(change);

        Assert.Equal(change.Id, query.ChangeId);
        Assert.Equal(change.Type, query.Type);
        Assert.Equal(Criticality.C2, query.Criticality);
        Assert.Equal(change.Content.Services, query.Services);
        Assert.Equal(At("2026-12-22T10:00:00Z"), query.Start);
        Assert.Equal(TimeSpan.FromMinutes(45), query.Duration);
    }

    [Fact]
    public void For_AChangeWithAnOverride_IsLiftedOnlyForIt()
    {
        var change = new ChangeRequestBuilder()
            .With(c => c with { Type = ChangeType.Normal, PlannedStart = At("2026-12-23T03:00:00Z"), EstimatedDuration = TimeSpan.FromMinutes(30), Criticality = Criticality.C2, EventManager = "U0EMOC", CommunicationsManager = "U0CMOC", BridgeLink = "https://meet.example.com/cr" })
            .Submitted();
        var overrides = new[] { new AdmissionOverride(AdmissionRuleIds.PclSoft, change.Id, "U0EOC", "agreed on the bridge", Now.AddDays(60)) };

        Assert.Equal(["pcl.soft"], Decide(AdmissionQuery.For(change)).Rules());
        Assert.True(Decide(AdmissionQuery.For(change, overrides: overrides)).Allowed);
    }

    [Fact]
    public void Once_RuntimeLock_IsTheSameTypeAdmissionReadsFromThePolicy()
    {
        var freeze = ChangeLock.Once("7", "Post-incident freeze", LockKind.Freeze, LockStrength.Hard, new TimeInterval(At("2026-12-05T00:00:00Z"), At("2026-12-07T00:00:00Z")));

        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, "2026-12-06T12:00:00Z"), runtimeLocks: freeze);

        Assert.Equal(["freeze"], decision.Rules());
        Assert.Equal(At("2026-12-07T00:00:00Z"), decision.NextAllowedAt);
    }
}
