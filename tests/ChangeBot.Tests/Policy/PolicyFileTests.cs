using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Policy;

namespace ChangeBot.Tests.Policy;

public class PolicyFileTests
{
    private static ChangePolicy LoadDefault() => PolicyFileReader.Load(PolicyFileReader.DefaultPath).Policy;

    private static IReadOnlyList<PolicyError> Errors(string yaml)
    {
        var (policy, errors) = PolicyFileReader.Parse(yaml, "bad.yaml");
        Assert.Null(policy);
        return errors;
    }

    private const string Minimal = """
        name: Minimal
        windows:
          standard: always
          normal: always
          emergency: always
        criticalitySlots:
          C1: always
          C2: always
          C3: always
          C4: always
        """;

    [Fact]
    public void DefaultFile_ShipsBesideTheBinaryAndLoads()
    {
        Assert.True(File.Exists(PolicyFileReader.DefaultPath));
        Assert.Equal("ChangeBot default", LoadDefault().Name);
    }

    [Fact]
    public void DefaultFile_WindowsAndSlots_EqualIssueTwosTable()
    {
        var loaded = LoadDefault();
        var table = ChangePolicy.Default;

        foreach (var type in Enum.GetValues<ChangeType>())
        {
            AssertSameWindow(table.WindowFor(type), loaded.WindowFor(type));
        }

        foreach (var criticality in Enum.GetValues<Criticality>())
        {
            AssertSameWindow(table.SlotFor(criticality), loaded.SlotFor(criticality));
        }

        Assert.True(table.SlotsApplyTo.SetEquals(loaded.SlotsApplyTo));
        Assert.Equal("Tue, Wed, Thu 02:00–06:00 UTC", loaded.WindowFor(ChangeType.Normal).ToString());
        Assert.Equal("every day 22:00–06:00 UTC", loaded.SlotFor(Criticality.C1).ToString());
        Assert.Equal("every day 22:00–14:00 UTC", loaded.SlotFor(Criticality.C2).ToString());
    }

    [Fact]
    public void DefaultFile_LocksExclusionsAndLiveRules_EqualIssueTwosTable()
    {
        var loaded = LoadDefault();
        var table = ChangePolicy.Default;

        Assert.Empty(loaded.Exclusions);
        Assert.Equal(table.Locks.Count, loaded.Locks.Count);
        foreach (var (expected, actual) in table.Locks.Zip(loaded.Locks))
        {
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.Name, actual.Name);
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.Strength, actual.Strength);
            Assert.Equal(expected.Schedule, actual.Schedule);
            Assert.Equal(expected.Zone.Id, actual.Zone.Id);
            Assert.Empty(actual.Scope.Environments);
            Assert.Empty(actual.Scope.Services);
            Assert.True(expected.BlockedCriticalities.SetEquals(actual.BlockedCriticalities));
            Assert.Equal(expected.Condition, actual.Condition);
            Assert.Equal(expected.AllowsCanary, actual.AllowsCanary);
            Assert.True(expected.Exceptions.SetEquals(actual.Exceptions));
            Assert.Equal(expected.ExceptionApprover, actual.ExceptionApprover);
            Assert.True(expected.EmergencyApprovers.SetEquals(actual.EmergencyApprovers));
            Assert.True(expected.Informed.SetEquals(actual.Informed));
        }

        Assert.True(table.Incidents.Blocking.SetEquals(loaded.Incidents.Blocking));
        Assert.True(table.Incidents.Warning.SetEquals(loaded.Incidents.Warning));
        Assert.True(table.Serialisation.Exclusive.SetEquals(loaded.Serialisation.Exclusive));
        Assert.True(table.Serialisation.Exempt.SetEquals(loaded.Serialisation.Exempt));
        Assert.Equal(table.Monitoring.RequireMonitoring, loaded.Monitoring.RequireMonitoring);
        Assert.True(table.Monitoring.Exempt.SetEquals(loaded.Monitoring.Exempt));
        Assert.Equal(table.SearchHorizon, loaded.SearchHorizon);
    }

    [Fact]
    public void DefaultFile_ApprovalsAndStageMinimums_EqualTheDomainDefaults()
    {
        var loaded = LoadDefault().Rules;
        var table = ChangeRules.Default;

        Assert.Equal(table.Approvals.ByRiskLevel.OrderBy(p => p.Key), loaded.Approvals.ByRiskLevel.OrderBy(p => p.Key));
        Assert.Equal(table.Approvals.ByCriticality.OrderBy(p => p.Key), loaded.Approvals.ByCriticality.OrderBy(p => p.Key));
        Assert.Equal(table.Approvals.MaintenanceReviewQuorum, loaded.Approvals.MaintenanceReviewQuorum);
        Assert.Equal(table.Approvals.StandardPreApprovedAfterTemplateApproval, loaded.Approvals.StandardPreApprovedAfterTemplateApproval);
        Assert.Equal(table.Approvals.EmergencyApprover, loaded.Approvals.EmergencyApprover);
        Assert.Equal(table.Approvals.EmergencyRetrospectiveDueDays, loaded.Approvals.EmergencyRetrospectiveDueDays);
        Assert.Equal(table.StageMinimums, loaded.StageMinimums);
    }

    [Fact]
    public void DefaultFile_DecidesLikeTheTableEveryHourForAYear()
    {
        var fromFile = ChangeCalendar.Create(LoadDefault());
        var table = ChangeCalendar.Create(ChangePolicy.Default);
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        for (var at = start; at < start.AddYears(1); at = at.AddHours(7))
        {
            foreach (var (type, criticality) in new[] { (ChangeType.Normal, Criticality.C2), (ChangeType.Standard, Criticality.C1), (ChangeType.Standard, Criticality.C4) })
            {
                var query = new AdmissionQuery { Type = type, Criticality = criticality, Start = at, Duration = TimeSpan.FromMinutes(45) };
                var expected = AdmissionEngine.Decide(query, table, LiveState.Quiet, start);
                var actual = AdmissionEngine.Decide(query, fromFile, LiveState.Quiet, start);
                Assert.Equal(expected.Reasons, actual.Reasons);
                Assert.Equal(expected.NextAllowedAt, actual.NextAllowedAt);
            }
        }
    }

    [Fact]
    public void MinimalFile_WithOnlyRequiredSections_Loads()
    {
        var (loaded, errors) = PolicyFileReader.Parse(Minimal, "minimal.yaml");

        Assert.Empty(errors);
        Assert.Equal("Minimal", loaded!.Policy.Name);
        Assert.Empty(loaded.Policy.Locks);
    }

    [Fact]
    public void SerialisationExempt_EmptyForTheStrictReading_LoadsAndAnEmergencyIsSerialised()
    {
        var (loaded, errors) = PolicyFileReader.Parse(Minimal + "\nserialisation:\n  exempt: []\n", "strict.yaml");

        Assert.Empty(errors);
        Assert.Empty(loaded!.Policy.Serialisation.Exempt);
        Assert.True(loaded.Policy.Serialisation.Exclusive.SetEquals([Criticality.C1, Criticality.C2]));
        var live = new LiveState { InProgress = [new ChangeInProgress(ChangeId.Parse("CR-2026-0007"), Criticality.C1, [])] };
        var emergency = new AdmissionQuery { Type = ChangeType.Emergency, Criticality = Criticality.C1, Start = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero), Approvals = new HashSet<ApproverRole> { ApproverRole.IncidentCommander } };
        Assert.Equal(["serialisation"], AdmissionEngine.Decide(emergency, ChangeCalendar.Create(loaded.Policy), live, emergency.Start).Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void SerialisationExempt_UnknownType_IsNamedWithItsLine()
    {
        var error = Assert.Single(Errors(Minimal + "\nserialisation:\n  exempt: [hotfix]\n"));

        Assert.Equal(12, error.Line);
        Assert.Contains("serialisation.exempt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenYaml_ReportsTheLine()
    {
        var error = Assert.Single(Errors("name: x\nwindows: [\n  a: b\n"));

        Assert.Equal("bad.yaml", error.File);
        Assert.True(error.Line >= 2);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_IsNamedWithItsLine()
    {
        var error = Assert.Single(Errors(Minimal + "\nfreezes: []\n"));

        Assert.Equal(11, error.Line);
        Assert.Contains("'freezes' is not a key of the policy", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml:11:1: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryError_IsReportedNotJustTheFirst()
    {
        var yaml = """
            name: Broken
            timeZone: Mars/Olympus
            windows:
              standard: always
              normal:
                - days: [Tue, Funday]
                  from: "25:00"
                  to: "06:00"
              emergency: sometimes
            criticalitySlots:
              C1: always
              C2: always
              C3: always
            locks:
              - name: Once
                strength: medium
                from: 2026-12-02T00:00:00Z
                to: 2026-12-01T00:00:00Z
            """;

        var errors = Errors(yaml);

        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains("'Mars/Olympus' is not a time zone", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Message.Contains("'Funday'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 7 && e.Message.Contains("'25:00' is not a time of day", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 9 && e.Message.Contains("must be `always` or a list", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 11 && e.Message.Contains("criticalitySlots.C4 is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 16 && e.Message.Contains("'medium' is not one of soft, hard", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 17 && e.Message.Contains("must end after it starts", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingRequiredSection_SaysWhichOne()
    {
        var errors = Errors("name: x\ncriticalitySlots: { C1: always, C2: always, C3: always, C4: always }\n");

        Assert.Contains(errors, e => e.Message.Contains("'windows' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void RecurringLockWithBadDay_ExplainsTheFormat()
    {
        var errors = Errors(Minimal + """

            locks:
              - name: Monthly
                strength: soft
                every: month
                from: "32 09:00"
                to: "23 09:00"
            """);

        var error = Assert.Single(errors);
        Assert.Equal(15, error.Line);
        Assert.Contains("write \"DD HH:mm\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsAnErrorNotACrash()
    {
        var (policy, errors) = PolicyFileReader.Read("/nonexistent/policy.yaml");

        Assert.Null(policy);
        Assert.Contains("cannot be read", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExclusionsAndScopedFreeze_LoadIntoTheCalendar()
    {
        var (loaded, errors) = PolicyFileReader.Parse(Minimal + """

            exclusions:
              majorReleases:
                releases:
                  - { name: "v5", at: "2027-03-10T12:00:00Z" }
              peakTraffic:
                periods:
                  - { name: "Friday evening", days: [Fri], from: "17:00", to: "21:00" }
              holidays:
                dates:
                  - { name: "Christmas Day", date: "2027-12-25" }
            locks:
              - name: Redis migration
                kind: freeze
                strength: hard
                from: 2027-02-01T00:00:00Z
                to: 2027-02-02T00:00:00Z
                scope: { environments: [production], services: [redis] }
            """, "x.yaml");

        Assert.Empty(errors);
        var policy = loaded!.Policy;
        Assert.Equal(3, policy.Exclusions.Count);
        var freeze = Assert.Single(policy.Locks);
        Assert.Equal("freeze", freeze.RuleId);
        Assert.Equal("redis-migration", freeze.Id);
        var decision = AdmissionEngine.Decide(
            new AdmissionQuery { Type = ChangeType.Normal, Criticality = Criticality.C4, Start = new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero) },
            ChangeCalendar.Create(policy),
            LiveState.Quiet,
            DateTimeOffset.UnixEpoch);
        Assert.Equal("exclusion.major-release", Assert.Single(decision.Reasons).Rule);
    }

    private static void AssertSameWindow(ChangeWindow expected, ChangeWindow actual)
    {
        Assert.Equal(expected.AlwaysOpen, actual.AlwaysOpen);
        Assert.Equal(expected.Zone.Id is "UTC" or "Etc/UTC" ? "UTC" : expected.Zone.Id, PolicyText.Zone(actual.Zone));
        Assert.Equal(expected.Spans.Count, actual.Spans.Count);
        foreach (var (e, a) in expected.Spans.Zip(actual.Spans))
        {
            Assert.Equal(e.From, a.From);
            Assert.Equal(e.To, a.To);
            Assert.True(e.Days.SetEquals(a.Days));
        }
    }
}
