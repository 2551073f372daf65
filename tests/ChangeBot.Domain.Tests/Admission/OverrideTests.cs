using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using static ChangeBot.Domain.Tests.Admission.Ask;

namespace ChangeBot.Domain.Tests.Admission;

public class OverrideTests
{
    private static readonly ChangeId Id = ChangeId.Parse("CR-2026-0451");

    private static AdmissionQuery InReleaseDay(params AdmissionOverride[] overrides) =>
        Change(ChangeType.Standard, Criticality.C2, "2026-12-22T12:00:00Z") with { ChangeId = Id, Overrides = overrides };

    [Fact]
    public void Override_ForTheRuleAndTheChangeBeforeExpiry_LiftsItAndSaysWho()
    {
        var decision = Decide(InReleaseDay(new AdmissionOverride("pcl.soft", Id, "U123", "release fix agreed with the EOC", Now.AddDays(30))));

        Assert.True(decision.Allowed);
        var lifted = Assert.Single(decision.Conditions);
        Assert.Equal("override", lifted.Rule);
        Assert.Contains("U123", lifted.Message, StringComparison.Ordinal);
        Assert.Contains("release fix agreed with the EOC", lifted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_Expired_DoesNotLift()
    {
        Assert.Equal(["pcl.soft"], Decide(InReleaseDay(new AdmissionOverride("pcl.soft", Id, "U123", "why", Now))).Rules());
    }

    [Fact]
    public void Override_ForAnotherChange_DoesNotLift()
    {
        var other = ChangeId.Parse("CR-2026-0452");

        Assert.Equal(["pcl.soft"], Decide(InReleaseDay(new AdmissionOverride("pcl.soft", other, "U123", "why", Now.AddDays(30)))).Rules());
    }

    [Fact]
    public void Override_OfAnotherRule_LiftsOnlyThatRule()
    {
        var decision = Decide(InReleaseDay(new AdmissionOverride("pcl.hard", Id, "U123", "why", Now.AddDays(30))));

        Assert.Equal(["pcl.soft"], decision.Rules());
    }

    [Fact]
    public void NextAllowed_BlockedLongerThanSixtyDays_IsNull()
    {
        var freeze = new ChangeLock
        {
            Id = "long",
            Name = "Migration",
            Kind = LockKind.Freeze,
            Strength = LockStrength.Hard,
            Schedule = new OneOffSchedule(new TimeInterval(At("2027-02-01T00:00:00Z"), At("2027-05-01T00:00:00Z"))),
        };

        var decision = Decide(Change(ChangeType.Standard, Criticality.C4, "2027-02-01T00:00:00Z"), runtimeLocks: freeze);

        Assert.Equal(["freeze"], decision.Rules());
        Assert.Null(decision.NextAllowedAt);
    }

    [Fact]
    public void NextAllowed_JumpsOverBackToBackLocks()
    {
        ChangeLock Freeze(string id, string from, string to) => new()
        {
            Id = id,
            Name = id,
            Kind = LockKind.Freeze,
            Strength = LockStrength.Hard,
            Schedule = new OneOffSchedule(new TimeInterval(At(from), At(to))),
        };

        var decision = Decide(
            Change(ChangeType.Standard, Criticality.C4, "2027-02-01T00:00:00Z", "1h"),
            null,
            null,
            Freeze("a", "2027-02-01T00:00:00Z", "2027-02-02T00:00:00Z"),
            Freeze("b", "2027-02-02T00:30:00Z", "2027-02-03T00:00:00Z"));

        Assert.Equal(At("2027-02-03T00:00:00Z"), decision.NextAllowedAt);
    }
}
