using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Tests.Changes;

public class ContentValidationTests
{
    private static readonly DateTimeOffset Now = ContentBuilder.Now;

    private static ContentValidation Validate(ChangeRequestContent content, IReadOnlyList<RolloutStageDefinition>? minimums = null) =>
        content.Validate(ContentBuilder.Requester, Now, minimums);

    private static FieldError SingleError(ChangeRequestContent content, string field)
    {
        var validation = Validate(content);
        Assert.False(validation.IsValid);
        return Assert.Single(validation.Errors, error => error.Field == field);
    }

    [Fact]
    public void Validate_CompleteNormalChange_IsValidWithoutWarnings()
    {
        var validation = Validate(ContentBuilder.Normal());

        Assert.True(validation.IsValid, string.Join(" | ", validation.Errors));
        Assert.Empty(validation.Warnings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_NoRollbackPlan_IsRequiredBeforeSubmission(string? plan)
    {
        var error = SingleError(ContentBuilder.Normal() with { RollbackPlan = plan! }, ChangeRequestFields.RollbackPlan);

        Assert.Equal("A rollback plan is required before a change can be submitted.", error.Message);
    }

    [Theory]
    [InlineData(ChangeType.Normal)]
    [InlineData(ChangeType.Standard)]
    [InlineData(ChangeType.Emergency)]
    public void Validate_NoPreflightChecks_IsRefusedForEveryType(ChangeType type)
    {
        var content = ContentBuilder.WithRisk(ContentBuilder.LowRisk, type) with { PreflightChecks = [] };

        var error = SingleError(content, ChangeRequestFields.PreflightChecks);

        Assert.Contains("what must be true for this change to run safely", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ChangeType.Normal)]
    [InlineData(ChangeType.Standard)]
    [InlineData(ChangeType.Emergency)]
    public void Validate_NoPostChecks_IsRefusedForEveryType(ChangeType type)
    {
        var content = ContentBuilder.WithRisk(ContentBuilder.LowRisk, type) with { PostChecks = ["  "] };

        var error = SingleError(content, ChangeRequestFields.PostChecks);

        Assert.Contains("how will you prove the change worked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BlankCheckAmongOthers_NamesItsPosition()
    {
        var error = SingleError(ContentBuilder.Normal() with { PreflightChecks = ["backups taken", ""] }, ChangeRequestFields.PreflightChecks);

        Assert.Equal("Pre-flight check 2 is blank; describe it or remove it.", error.Message);
    }

    [Fact]
    public void Validate_NoImplementationPlan_IsRefused()
    {
        var error = SingleError(ContentBuilder.Normal() with { ImplementationPlan = "" }, ChangeRequestFields.ImplementationPlan);

        Assert.StartsWith("An implementation plan is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlanLongerThanASlackInputHolds_AsksToShortenIt()
    {
        var error = SingleError(ContentBuilder.Normal() with { RollbackPlan = new string('x', 3001) }, ChangeRequestFields.RollbackPlan);

        Assert.Equal("The rollback plan is 3001 characters; shorten it to 3000 or link to a document that holds the detail.", error.Message);
    }

    [Fact]
    public void Validate_NoTitle_GivesAnExample()
    {
        var error = SingleError(ContentBuilder.Normal() with { Title = " " }, ChangeRequestFields.Title);

        Assert.Contains("Upgrade Redis cluster", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TitleOver150Characters_IsRefused()
    {
        Assert.True(Validate(ContentBuilder.Normal() with { Title = new string('t', 150) }).IsValid);
        SingleError(ContentBuilder.Normal() with { Title = new string('t', 151) }, ChangeRequestFields.Title);
    }

    [Fact]
    public void Validate_UnknownType_IsRefused()
    {
        SingleError(ContentBuilder.Normal() with { Type = (ChangeType)9 }, ChangeRequestFields.Type);
    }

    [Fact]
    public void Validate_NoServices_AsksForOne()
    {
        var error = SingleError(ContentBuilder.Normal() with { Services = [] }, ChangeRequestFields.Services);

        Assert.StartsWith("Name at least one affected service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WildcardService_IsRefusedBecauseChangesAvoidGlobbing()
    {
        var error = SingleError(ContentBuilder.Normal() with { Services = ["redis-*"] }, ChangeRequestFields.Services);

        Assert.Equal("Name each service: 'redis-*' is a wildcard, and changes avoid wildcard globbing.", error.Message);
    }

    [Fact]
    public void Validate_ServiceListedTwice_IsRefused()
    {
        var error = SingleError(ContentBuilder.Normal() with { Services = ["redis", "Redis"] }, ChangeRequestFields.Services);

        Assert.Equal("'Redis' is listed twice; list each service once.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("prod uction")]
    public void Validate_EnvironmentMissingOrNotOneWord_IsRefused(string environment)
    {
        SingleError(ContentBuilder.Normal() with { Environment = environment }, ChangeRequestFields.Environment);
    }

    [Fact]
    public void Validate_NoExecutor_IsRefused()
    {
        var error = SingleError(ContentBuilder.Normal() with { Executor = "" }, ChangeRequestFields.Executor);

        Assert.Equal("Choose who will execute the change.", error.Message);
    }

    [Fact]
    public void Validate_PlannerIsTheExecutor_WarnsButAllows()
    {
        var validation = Validate(ContentBuilder.Normal() with { Executor = ContentBuilder.Requester });

        Assert.True(validation.IsValid);
        var warning = Assert.Single(validation.Warnings);
        Assert.Equal(ChangeRequestFields.Executor, warning.Field);
        Assert.Contains("the planner and the executor are different people", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PlannedStartInThePast_IsRefused()
    {
        var error = SingleError(ContentBuilder.Normal() with { PlannedStart = Now.AddHours(-1) }, ChangeRequestFields.PlannedStart);

        Assert.Equal("The planned start (2026-03-03 09:00 UTC) is in the past; choose a time from now on.", error.Message);
    }

    [Fact]
    public void Validate_PlannedStartWithinTheMinutePickerGrace_IsAccepted()
    {
        Assert.True(Validate(ContentBuilder.Normal() with { PlannedStart = Now.AddMinutes(-5) }).IsValid);
        Assert.False(Validate(ContentBuilder.Normal() with { PlannedStart = Now.AddMinutes(-5).AddSeconds(-1) }).IsValid);
    }

    [Fact]
    public void Validate_EmergencyStartedBeforeFiling_IsAcceptedBecauseItIsDocumentedAfterTheFact()
    {
        Assert.True(Validate(ContentBuilder.Emergency() with { PlannedStart = Now.AddHours(-2) }).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void Validate_DurationNotPositive_AsksForAnEstimate(int minutes)
    {
        var error = SingleError(ContentBuilder.Normal() with { EstimatedDuration = TimeSpan.FromMinutes(minutes) }, ChangeRequestFields.EstimatedDuration);

        Assert.Equal("Estimate how long the change takes, e.g. 45m or 1h30m.", error.Message);
    }

    [Fact]
    public void Validate_DurationOverSevenDays_AsksToSplitTheChange()
    {
        Assert.True(Validate(ContentBuilder.Normal() with { EstimatedDuration = TimeSpan.FromDays(7) }).IsValid);
        var error = SingleError(ContentBuilder.Normal() with { EstimatedDuration = TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)) }, ChangeRequestFields.EstimatedDuration);

        Assert.Equal("An estimated duration of 7d1m is longer than 7 days; split the change into smaller ones.", error.Message);
    }

    [Fact]
    public void Validate_NoRollbackTriggers_IsRefusedForNormalChanges()
    {
        var error = SingleError(ContentBuilder.Normal() with { RollbackTriggers = [] }, ChangeRequestFields.RollbackTriggers);

        Assert.Contains("roll back without debate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoRollbackTriggersOnAnEmergency_OnlyWarns()
    {
        var validation = Validate(ContentBuilder.Emergency() with { RollbackTriggers = [] });

        Assert.True(validation.IsValid);
        Assert.Contains(validation.Warnings, warning => warning.Field == ChangeRequestFields.RollbackTriggers);
    }

    [Fact]
    public void Validate_TimeBoundedTriggerWithoutWindow_AsksForTheWindow()
    {
        var content = ContentBuilder.Normal() with
        {
            RollbackTriggers = [new RollbackTrigger(RollbackTriggerKind.TimeBounded, "Error rate above 1%")],
        };

        var error = SingleError(content, ChangeRequestFields.RollbackTriggers);

        Assert.Equal("Rollback trigger 1 is time-bounded, so it needs a window: how long after the deployment completes to watch it, e.g. 15m.", error.Message);
    }

    [Fact]
    public void Validate_WindowOnAnImmediateTrigger_IsRefused()
    {
        var content = ContentBuilder.Normal() with
        {
            RollbackTriggers = [new RollbackTrigger(RollbackTriggerKind.Immediate, "Pods crash-looping", Window: TimeSpan.FromMinutes(5))],
        };

        var error = SingleError(content, ChangeRequestFields.RollbackTriggers);

        Assert.Contains("only time-bounded triggers have one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TriggerWithoutDescription_IsRefused()
    {
        var content = ContentBuilder.Normal() with
        {
            RollbackTriggers = [new RollbackTrigger(RollbackTriggerKind.Immediate, " ")],
        };

        var error = SingleError(content, ChangeRequestFields.RollbackTriggers);

        Assert.StartsWith("Rollback trigger 1 needs a description", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MetricWithoutPromQl_AsksForTheQuery()
    {
        var content = ContentBuilder.Normal() with
        {
            RollbackTriggers = [new RollbackTrigger(RollbackTriggerKind.Immediate, "Errors", new MetricCondition("", MetricComparison.Above, 0.05, TimeSpan.Zero))],
        };

        var error = SingleError(content, ChangeRequestFields.RollbackTriggers);

        Assert.StartsWith("Rollback trigger 1 has a metric without a PromQL expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MetricWithNonNumericThresholdOrNegativeFor_IsRefused()
    {
        var content = ContentBuilder.Normal() with
        {
            RollbackTriggers =
            [
                new RollbackTrigger(RollbackTriggerKind.Immediate, "Errors", new MetricCondition("up", MetricComparison.Below, double.NaN, TimeSpan.FromMinutes(-1))),
            ],
        };

        var validation = Validate(content);

        Assert.Equal(2, validation.ErrorsFor(ChangeRequestFields.RollbackTriggers).Count());
    }

    [Fact]
    public void Validate_MetricOnAManualReviewTrigger_IsRefused()
    {
        var content = ContentBuilder.Normal() with
        {
            RollbackTriggers = [new RollbackTrigger(RollbackTriggerKind.ManualReview, "Odd logs", new MetricCondition("up", MetricComparison.Below, 1, TimeSpan.Zero))],
        };

        var error = SingleError(content, ChangeRequestFields.RollbackTriggers);

        Assert.Contains("a person judges", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TimeBoundedTriggerWithMetricAndWindow_IsValid()
    {
        var content = ContentBuilder.Normal() with
        {
            RollbackTriggers =
            [
                new RollbackTrigger(
                    RollbackTriggerKind.TimeBounded,
                    "Error rate above 1%",
                    new MetricCondition("job:errors:ratio", MetricComparison.Above, 0.01, TimeSpan.FromMinutes(1)),
                    TimeSpan.FromMinutes(15)),
            ],
        };

        Assert.True(Validate(content).IsValid);
    }

    [Theory]
    [InlineData("https://ci.example.com/jobs/1/dry-run.log", true)]
    [InlineData("http://ci.internal/job/1", true)]
    [InlineData("ftp://ci.example.com/log", false)]
    [InlineData("ci.example.com/log", false)]
    [InlineData("not a url", false)]
    public void Validate_DryRunLink_IsOptionalButMustBeAWebAddress(string link, bool valid)
    {
        var validation = Validate(ContentBuilder.Normal() with { DryRunLink = link });

        Assert.Equal(valid, validation.IsValid);
        if (!valid)
        {
            Assert.StartsWith("The dry-run link must be a web address", Assert.Single(validation.Errors).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_NoDryRunLink_IsFine()
    {
        Assert.True(Validate(ContentBuilder.Normal() with { DryRunLink = null }).IsValid);
    }

    [Fact]
    public void Validate_LinkThatIsNotAWebAddress_NamesItsPosition()
    {
        var content = ContentBuilder.Normal() with
        {
            Links = [new ChangeLink(ChangeLinkKind.Dashboard, "https://grafana.example.com/d/redis"), new ChangeLink(ChangeLinkKind.Issue, "javascript:alert(1)")],
        };

        var error = SingleError(content, ChangeRequestFields.Links);

        Assert.StartsWith("Link 2 must be a web address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(11)]
    public void Validate_C1OrC2WithoutChangeTeam_AsksForEmocCmocAndBridge(int score)
    {
        var content = ContentBuilder.Normal() with { Risk = ContentBuilder.RiskScoring(score) };

        var validation = Validate(content);

        Assert.Equal(
            [ChangeRequestFields.EventManager, ChangeRequestFields.CommunicationsManager, ChangeRequestFields.BridgeLink],
            validation.Errors.Select(error => error.Field));
        Assert.StartsWith(score == 14 ? "A C1 change needs an event manager (EMOC)" : "A C2 change needs an event manager (EMOC)", validation.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_C1EmergencyWithoutCmoc_IsValidBecauseOnlyMaintenanceChangesNeedOne()
    {
        var content = ContentBuilder.WithRisk(ContentBuilder.RiskScoring(14), ChangeType.Emergency) with { CommunicationsManager = null };

        Assert.True(Validate(content).IsValid);
    }

    [Fact]
    public void Validate_BridgeLinkNotAWebAddress_IsRefused()
    {
        var content = ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12)) with { BridgeLink = "zoom meeting 123" };

        SingleError(content, ChangeRequestFields.BridgeLink);
    }

    [Fact]
    public void Validate_C3_NeedsNoChangeTeam()
    {
        Assert.True(Validate(ContentBuilder.Normal() with { Risk = ContentBuilder.RiskScoring(8) }).IsValid);
    }

    [Fact]
    public void Validate_RaisingCriticalityAboveTheRisk_IsAllowed()
    {
        var content = ContentBuilder.WithRisk(ContentBuilder.LowRisk) with { Criticality = Criticality.C1 };

        Assert.True(Validate(content).IsValid);
        Assert.Equal(Criticality.C1, content.EffectiveCriticality);
    }

    [Fact]
    public void Validate_LoweringCriticalityBelowTheRisk_NamesTheMinimum()
    {
        var content = ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12)) with { Criticality = Criticality.C3 };

        var error = SingleError(content, ChangeRequestFields.Criticality);

        Assert.Equal("This change can't be C3: its risk is high (score 12), so it is at least C2. Choose C2 or more critical.", error.Message);
    }

    [Fact]
    public void Validate_LoweringADowntimeChangeBelowC1_SaysDowntimeIsAlwaysC1()
    {
        var content = ContentBuilder.WithRisk(new RiskAssessment(1, 1, 1, 1, CausesDowntime: true)) with { Criticality = Criticality.C2 };

        var error = SingleError(content, ChangeRequestFields.Criticality);

        Assert.Equal("This change can't be C2: a change that causes downtime is always C1, so it is at least C1. Choose C1.", error.Message);
    }

    [Fact]
    public void Validate_NoCriticalityChosen_TakesTheOneTheRiskForces()
    {
        Assert.Equal(Criticality.C3, (ContentBuilder.Normal() with { Risk = ContentBuilder.RiskScoring(9) }).EffectiveCriticality);
    }

    [Fact]
    public void Validate_RiskScoreOffTheScale_IsReportedPerDimension()
    {
        var validation = Validate(ContentBuilder.Normal() with { Risk = new RiskAssessment(1, 1, 7, 1) });

        Assert.Equal(ChangeRequestFields.RiskConfidence, Assert.Single(validation.Errors).Field);
    }

    [Fact]
    public void Validate_StandardChangeWithoutTemplate_AsksForIt()
    {
        var error = SingleError(ContentBuilder.Standard() with { StandardTemplate = null }, ChangeRequestFields.StandardTemplate);

        Assert.Equal("A standard change follows a template: name it.", error.Message);
    }

    [Fact]
    public void Validate_StandardChangeAboveLowRisk_MustBeFiledAsNormal()
    {
        var content = ContentBuilder.WithRisk(ContentBuilder.RiskScoring(7), ChangeType.Standard);

        var error = SingleError(content, ChangeRequestFields.Type);

        Assert.Equal("A standard change must be low risk, and this one is medium (score 7); file it as a normal change.", error.Message);
    }

    [Fact]
    public void Validate_StandardChangeRaisedToC2_MustBeFiledAsNormal()
    {
        var content = ContentBuilder.Standard() with { Criticality = Criticality.C2 };

        Assert.Equal("A standard change can't be C2; file it as a normal change.", SingleError(content, ChangeRequestFields.Type).Message);
    }

    [Fact]
    public void Validate_TemplateOnANormalChange_IsRefused()
    {
        SingleError(ContentBuilder.Normal() with { StandardTemplate = "scale-deployment" }, ChangeRequestFields.StandardTemplate);
    }

    [Fact]
    public void Validate_EmergencyWithoutIncident_WarnsThatOnlyALinkedFixMayRunDuringIt()
    {
        var validation = Validate(ContentBuilder.Emergency() with { IncidentId = null });

        Assert.True(validation.IsValid);
        Assert.Equal(ChangeRequestFields.IncidentId, Assert.Single(validation.Warnings).Field);
    }

    [Fact]
    public void Validate_DefaultRolloutStages_AreValid()
    {
        Assert.True(Validate(ContentBuilder.Normal(), RolloutStageDefinition.Defaults).IsValid);
    }

    [Fact]
    public void Validate_NoRolloutStages_IsRefused()
    {
        SingleError(ContentBuilder.Normal() with { RolloutStages = [] }, ChangeRequestFields.RolloutStages);
    }

    [Fact]
    public void Validate_StagesThatDoNotGrow_AreRefused()
    {
        var content = ContentBuilder.Normal() with
        {
            RolloutStages = [new("canary", 25, TimeSpan.FromMinutes(15)), new("limited", 25, TimeSpan.FromMinutes(15)), new("full", 100, TimeSpan.FromHours(1))],
        };

        var error = SingleError(content, ChangeRequestFields.RolloutStages);

        Assert.Equal("The limited stage reaches 25%, no more than the stage before it (25%); each stage must reach further.", error.Message);
    }

    [Fact]
    public void Validate_RolloutThatStopsShortOfFull_IsRefused()
    {
        var content = ContentBuilder.Normal() with { RolloutStages = [new("canary", 5, TimeSpan.FromMinutes(15)), new("broad", 50, TimeSpan.FromMinutes(15))] };

        Assert.Equal("The last stage reaches 50%; a rollout ends at 100%.", SingleError(content, ChangeRequestFields.RolloutStages).Message);
    }

    [Fact]
    public void Validate_DuplicateStageNames_AreRefused()
    {
        var content = ContentBuilder.Normal() with { RolloutStages = [new("canary", 5, TimeSpan.Zero), new("Canary", 100, TimeSpan.Zero)] };

        Assert.Equal("Two stages are called 'Canary'; give each stage its own name.", SingleError(content, ChangeRequestFields.RolloutStages).Message);
    }

    [Fact]
    public void Validate_StageMonitoredLessThanThePolicyMinimum_IsRefused()
    {
        var content = ContentBuilder.Normal() with
        {
            RolloutStages = [new("canary", 5, TimeSpan.FromMinutes(5)), new("full", 100, TimeSpan.FromHours(2))],
        };

        var validation = Validate(content, RolloutStageDefinition.Defaults);

        Assert.Equal(
            "The canary stage is monitored for 5m, less than the policy's minimum of 15m.",
            Assert.Single(validation.Errors).Message);
    }

    [Fact]
    public void Validate_SingleFullStage_IsAValidRollout()
    {
        Assert.True(Validate(ContentBuilder.Normal() with { RolloutStages = [new("full", 100, TimeSpan.FromHours(1))] }).IsValid);
    }

    [Fact]
    public void Validate_MissingListsFromJson_AreReportedNotThrown()
    {
        var content = ContentBuilder.Normal() with
        {
            Services = null!,
            PreflightChecks = null!,
            PostChecks = null!,
            RollbackTriggers = null!,
            RolloutStages = null!,
            Links = null!,
            Risk = null!,
            Title = null!,
        };

        var validation = Validate(content);

        Assert.Contains(validation.Errors, error => error.Field == ChangeRequestFields.Services);
        Assert.Contains(validation.Errors, error => error.Field == ChangeRequestFields.PreflightChecks);
        Assert.Contains(validation.Errors, error => error.Field == ChangeRequestFields.RolloutStages);
        Assert.Contains(validation.Errors, error => error.Field == ChangeRequestFields.RiskBlastRadius);
        Assert.Contains(validation.Errors, error => error.Field == ChangeRequestFields.Title);
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReportedAtOnce()
    {
        var content = ContentBuilder.Normal() with { Title = "", RollbackPlan = "", Services = [] };

        Assert.Equal(3, Validate(content).Errors.Count);
    }

    [Fact]
    public void Equals_SameValuesInNewLists_IsEqual()
    {
        var one = ContentBuilder.Normal();
        var other = one with { Services = [.. one.Services], PreflightChecks = [.. one.PreflightChecks] };

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, one with { Services = ["redis-cluster-primary"] });
    }
}
