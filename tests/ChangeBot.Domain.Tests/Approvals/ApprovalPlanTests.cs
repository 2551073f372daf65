using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Tests.Changes;

namespace ChangeBot.Domain.Tests.Approvals;

public class ApprovalPlanTests
{
    private static ApprovalPlan PlanFor(ChangeRequestContent content, bool templateApproved = false) =>
        ApprovalPlan.For(content, ApprovalRules.Default, templateApproved);

    private static ApprovalRequirement Requirement(ApprovalPlan plan, string key) =>
        Assert.Single(plan.Requirements, requirement => requirement.Key == key);

    [Fact]
    public void For_LowRiskC4_NeedsOneReviewer()
    {
        var plan = PlanFor(ContentBuilder.Normal());

        var reviewers = Assert.Single(plan.Requirements);
        Assert.Equal(ApprovalRequirementKeys.Reviewers, reviewers.Key);
        Assert.Equal(ApproverRole.Reviewer, reviewers.Role);
        Assert.Equal(1, reviewers.Count);
        Assert.Equal("Low risk (score 4): 1 reviewer", reviewers.Reason);
        Assert.False(plan.AnnounceInProduction);
    }

    [Fact]
    public void For_MediumRiskC3_NeedsTwoReviewersAndTheEocsAcknowledgement()
    {
        var plan = PlanFor(ContentBuilder.Normal() with { Risk = ContentBuilder.RiskScoring(8) });

        Assert.Equal([ApprovalRequirementKeys.Reviewers, ApprovalRequirementKeys.EocAcknowledgement], plan.Requirements.Select(r => r.Key));
        Assert.Equal("Medium risk (score 8): 2 reviewers", Requirement(plan, ApprovalRequirementKeys.Reviewers).Reason);
        var eoc = Requirement(plan, ApprovalRequirementKeys.EocAcknowledgement);
        Assert.Equal(ApproverRole.Eoc, eoc.Role);
        Assert.Equal("C3: the engineer on call (EOC) acknowledges having reviewed the plan", eoc.Reason);
    }

    [Fact]
    public void For_HighRiskC2Normal_NeedsQuorumOfThreeRollbackOperatorAndEocWritten()
    {
        var plan = PlanFor(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12)));

        Assert.Equal(
            [ApprovalRequirementKeys.Reviewers, ApprovalRequirementKeys.RollbackOperator, ApprovalRequirementKeys.EocWritten],
            plan.Requirements.Select(r => r.Key));
        var reviewers = Requirement(plan, ApprovalRequirementKeys.Reviewers);
        Assert.Equal(3, reviewers.Count);
        Assert.Equal("High risk (score 12) and C2 maintenance change: a quorum of 3 reviewers", reviewers.Reason);
        Assert.Equal("High risk (score 12): a named rollback operator, ready to run the rollback plan", Requirement(plan, ApprovalRequirementKeys.RollbackOperator).Reason);
        Assert.True(plan.AnnounceInProduction);
    }

    [Fact]
    public void For_CriticalRiskC1Normal_AddsDirectorReliabilityManagerAndBridgeConfirmation()
    {
        var plan = PlanFor(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(15)));

        Assert.Equal(
            [
                ApprovalRequirementKeys.Reviewers,
                ApprovalRequirementKeys.RollbackOperator,
                ApprovalRequirementKeys.Director,
                ApprovalRequirementKeys.ReliabilityManager,
                ApprovalRequirementKeys.EocWritten,
                ApprovalRequirementKeys.EocBridgeConfirmation,
            ],
            plan.Requirements.Select(r => r.Key));
        Assert.Equal(ApproverRole.Director, Requirement(plan, ApprovalRequirementKeys.Director).Role);
        Assert.Equal("Critical risk (score 15): director-level approval", Requirement(plan, ApprovalRequirementKeys.Director).Reason);
        Assert.Equal(ApproverRole.ReliabilityManager, Requirement(plan, ApprovalRequirementKeys.ReliabilityManager).Role);
        Assert.True(plan.AnnounceInProduction);
    }

    [Fact]
    public void For_C1BridgeConfirmation_IsGivenAtTheStartNotForApproval()
    {
        var plan = PlanFor(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(15)));

        var bridge = Requirement(plan, ApprovalRequirementKeys.EocBridgeConfirmation);
        Assert.Equal(ApprovalGate.Start, bridge.Gate);
        Assert.Equal(ApproverRole.Eoc, bridge.Role);
        Assert.All(plan.Requirements.Where(r => r != bridge), r => Assert.Equal(ApprovalGate.Approval, r.Gate));
    }

    [Fact]
    public void For_LowRiskRaisedToC1_TheMaintenanceQuorumWinsOverOneReviewer()
    {
        var plan = PlanFor(ContentBuilder.WithRisk(ContentBuilder.LowRisk) with { Criticality = Criticality.C1 });

        var reviewers = Requirement(plan, ApprovalRequirementKeys.Reviewers);
        Assert.Equal(3, reviewers.Count);
        Assert.Equal("C1 maintenance change: a quorum of 3 reviewers", reviewers.Reason);
        Assert.Contains(plan.Requirements, r => r.Key == ApprovalRequirementKeys.ReliabilityManager);
        Assert.DoesNotContain(plan.Requirements, r => r.Key == ApprovalRequirementKeys.RollbackOperator);
    }

    [Fact]
    public void For_DowntimeChange_NeedsEverythingAC1Needs()
    {
        var plan = PlanFor(ContentBuilder.WithRisk(new RiskAssessment(1, 1, 1, 1, CausesDowntime: true)));

        Assert.Contains(plan.Requirements, r => r.Key == ApprovalRequirementKeys.ReliabilityManager);
        Assert.Contains(plan.Requirements, r => r.Key == ApprovalRequirementKeys.EocBridgeConfirmation);
        Assert.Equal(3, Requirement(plan, ApprovalRequirementKeys.Reviewers).Count);
    }

    [Fact]
    public void For_MediumRiskStandardChangeFirstTime_FollowsTheRiskRulesWithoutTheMaintenanceQuorum()
    {
        var plan = PlanFor(ContentBuilder.Standard());

        Assert.Equal(1, Requirement(plan, ApprovalRequirementKeys.Reviewers).Count);
        Assert.False(plan.PreApprovedByTemplate);
    }

    [Fact]
    public void For_StandardChangeWhoseTemplateWasApproved_NeedsNoApproval()
    {
        var plan = PlanFor(ContentBuilder.Standard(), templateApproved: true);

        Assert.Empty(plan.Requirements);
        Assert.True(plan.PreApprovedByTemplate);
    }

    [Fact]
    public void For_NormalChangeWithTemplateFact_IsNotPreApproved()
    {
        var plan = PlanFor(ContentBuilder.Normal(), templateApproved: true);

        Assert.NotEmpty(plan.Requirements);
        Assert.False(plan.PreApprovedByTemplate);
    }

    [Fact]
    public void For_StandardPreApprovalSwitchedOffInThePolicy_StillNeedsReview()
    {
        var rules = ApprovalRules.Default with { StandardPreApprovedAfterTemplateApproval = false };

        var plan = ApprovalPlan.For(ContentBuilder.Standard(), rules, templateAlreadyApproved: true);

        Assert.NotEmpty(plan.Requirements);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(16)]
    public void For_Emergency_NeedsTheIncidentCommanderOnly(int score)
    {
        var plan = PlanFor(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(score), ChangeType.Emergency));

        var commander = Assert.Single(plan.Requirements);
        Assert.Equal(ApprovalRequirementKeys.IncidentCommander, commander.Key);
        Assert.Equal(ApproverRole.IncidentCommander, commander.Role);
        Assert.Equal(1, commander.Count);
        Assert.Equal("Emergency change: the incident commander approves it, alone; a retrospective follows", commander.Reason);
    }

    [Fact]
    public void For_HigherRiskReviewerCountThanQuorum_TheRiskCountWins()
    {
        var rules = ApprovalRules.Default with
        {
            ByRiskLevel = new Dictionary<RiskLevel, RiskLevelApprovals>(ApprovalRules.Default.ByRiskLevel)
            {
                [RiskLevel.High] = new(Reviewers: 4, RollbackOperator: true, Director: false),
            },
        };

        var plan = ApprovalPlan.For(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12)), rules, false);

        var reviewers = Requirement(plan, ApprovalRequirementKeys.Reviewers);
        Assert.Equal(4, reviewers.Count);
        Assert.Equal("High risk (score 12): a quorum of 4 reviewers", reviewers.Reason);
    }

    [Fact]
    public void For_EocWrittenAndAcknowledgementBothAsked_OnlyTheWrittenApprovalIsNeeded()
    {
        var rules = ApprovalRules.Default with
        {
            ByCriticality = new Dictionary<Criticality, CriticalityApprovals>(ApprovalRules.Default.ByCriticality)
            {
                [Criticality.C4] = new(false, EocWritten: true, false, EocAcknowledgement: true, false),
            },
        };

        var plan = ApprovalPlan.For(ContentBuilder.Normal(), rules, false);

        Assert.Contains(plan.Requirements, r => r.Key == ApprovalRequirementKeys.EocWritten);
        Assert.DoesNotContain(plan.Requirements, r => r.Key == ApprovalRequirementKeys.EocAcknowledgement);
    }

    [Fact]
    public void For_RulesMissingARiskLevel_SayWhatToAddToThePolicy()
    {
        var rules = ApprovalRules.Default with { ByRiskLevel = new Dictionary<RiskLevel, RiskLevelApprovals>() };

        var error = Assert.Throws<DomainException>(() => ApprovalPlan.For(ContentBuilder.Normal(), rules, false));

        Assert.Equal("The approval rules say nothing about low risk; add it to the policy's approvals section.", error.Message);
    }
}
