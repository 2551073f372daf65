using System.Globalization;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;

namespace ChangeBot.Domain.Approvals;

/// <summary>
/// The approvals one revision of a change request needs, worked out from <see cref="ApprovalRules"/>. Risk level and
/// criticality each ask for something; where both ask for reviewers the larger number wins, and everything else adds up.
/// </summary>
public sealed record ApprovalPlan(
    IReadOnlyList<ApprovalRequirement> Requirements,
    bool AnnounceInProduction,
    bool PreApprovedByTemplate = false)
{
    /// <summary>
    /// The plan for <paramref name="content"/>, which must have a valid risk assessment. Emergency changes need the
    /// incident commander only; a standard change whose template was approved before needs nobody.
    /// </summary>
    public static ApprovalPlan For(ChangeRequestContent content, ApprovalRules rules, bool templateAlreadyApproved)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(rules);
        var criticality = content.EffectiveCriticality;
        var announce = Lookup(rules.ByCriticality, criticality, criticality.ToString()).AnnounceInProduction;

        if (content.Type == ChangeType.Emergency)
        {
            return new ApprovalPlan(
                [
                    new ApprovalRequirement(
                        ApprovalRequirementKeys.IncidentCommander,
                        NameOf(rules.EmergencyApprover),
                        rules.EmergencyApprover,
                        1,
                        $"Emergency change: the {rules.EmergencyApprover.Describe()} approves it, alone; a retrospective follows"),
                ],
                announce);
        }

        if (content.Type == ChangeType.Standard && templateAlreadyApproved && rules.StandardPreApprovedAfterTemplateApproval)
        {
            return new ApprovalPlan([], announce, PreApprovedByTemplate: true);
        }

        return new ApprovalPlan(NormalRequirements(content, rules, criticality), announce);
    }

    private static List<ApprovalRequirement> NormalRequirements(ChangeRequestContent content, ApprovalRules rules, Criticality criticality)
    {
        var risk = content.Risk;
        var riskLabel = Invariant($"{Capitalised(risk.Level)} risk (score {risk.Score})");
        var byRisk = Lookup(rules.ByRiskLevel, risk.Level, risk.Level.ToString().ToLowerInvariant() + " risk");
        var byCriticality = Lookup(rules.ByCriticality, criticality, criticality.ToString());
        var requirements = new List<ApprovalRequirement>();

        var reviewers = byRisk.Reviewers;
        var reviewerReasons = new List<string>();
        if (reviewers > 0)
        {
            reviewerReasons.Add(riskLabel);
        }

        // Seed 2: a minimum quorum of three reviewers approves an S1 or S2 maintenance change.
        if (content.Type == ChangeType.Normal && criticality is Criticality.C1 or Criticality.C2 && rules.MaintenanceReviewQuorum > 0)
        {
            var maintenance = Invariant($"{criticality} maintenance change");
            if (rules.MaintenanceReviewQuorum > reviewers)
            {
                reviewers = rules.MaintenanceReviewQuorum;
                reviewerReasons = [maintenance];
            }
            else if (rules.MaintenanceReviewQuorum == reviewers)
            {
                reviewerReasons.Add(maintenance);
            }
        }

        if (reviewers > 0)
        {
            var who = reviewers switch
            {
                1 => "1 reviewer",
                2 => "2 reviewers",
                _ => Invariant($"a quorum of {reviewers} reviewers"),
            };
            requirements.Add(new ApprovalRequirement(
                ApprovalRequirementKeys.Reviewers,
                "Reviewers",
                ApproverRole.Reviewer,
                reviewers,
                $"{string.Join(" and ", reviewerReasons)}: {who}"));
        }

        if (byRisk.RollbackOperator)
        {
            requirements.Add(new ApprovalRequirement(
                ApprovalRequirementKeys.RollbackOperator,
                "Rollback operator",
                ApproverRole.Reviewer,
                1,
                $"{riskLabel}: a named rollback operator, ready to run the rollback plan"));
        }

        if (byRisk.Director)
        {
            requirements.Add(new ApprovalRequirement(
                ApprovalRequirementKeys.Director,
                "Director approval",
                ApproverRole.Director,
                1,
                $"{riskLabel}: director-level approval"));
        }

        if (byCriticality.ReliabilityManager)
        {
            requirements.Add(new ApprovalRequirement(
                ApprovalRequirementKeys.ReliabilityManager,
                "Reliability management approval",
                ApproverRole.ReliabilityManager,
                1,
                Invariant($"{criticality}: approval by reliability engineering management")));
        }

        if (byCriticality.EocWritten)
        {
            requirements.Add(new ApprovalRequirement(
                ApprovalRequirementKeys.EocWritten,
                "EOC written approval",
                ApproverRole.Eoc,
                1,
                Invariant($"{criticality}: written approval from the engineer on call (EOC)")));
        }
        else if (byCriticality.EocAcknowledgement)
        {
            // A written approval includes the acknowledgement, so the weaker one is only asked for on its own.
            requirements.Add(new ApprovalRequirement(
                ApprovalRequirementKeys.EocAcknowledgement,
                "EOC acknowledgement",
                ApproverRole.Eoc,
                1,
                Invariant($"{criticality}: the engineer on call (EOC) acknowledges having reviewed the plan")));
        }

        if (byCriticality.EocBridgeConfirmation)
        {
            requirements.Add(new ApprovalRequirement(
                ApprovalRequirementKeys.EocBridgeConfirmation,
                "EOC confirmation on the bridge",
                ApproverRole.Eoc,
                1,
                Invariant($"{criticality}: the EOC confirms on the change bridge, just before the start"),
                ApprovalGate.Start));
        }

        return requirements;
    }

    private static TValue Lookup<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> rules, TKey key, string what)
        where TKey : notnull =>
        rules.TryGetValue(key, out var value)
            ? value
            : throw new DomainException($"The approval rules say nothing about {what}; add it to the policy's approvals section.");

    private static string NameOf(ApproverRole role) => role switch
    {
        ApproverRole.IncidentCommander => "Incident commander approval",
        _ => $"{Capitalised(role.Describe())} approval",
    };

    private static string Capitalised(RiskLevel level) => level.ToString();

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
