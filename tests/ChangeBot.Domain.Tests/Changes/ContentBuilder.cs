using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;

namespace ChangeBot.Domain.Tests.Changes;

/// <summary>Valid change request content to start from; tests change one thing with a <c>with</c> expression.</summary>
public static class ContentBuilder
{
    public const string Requester = "U0REQUEST";
    public const string Executor = "U0EXECUTE";
    public const string EventManager = "U0EMOC";
    public const string CommunicationsManager = "U0CMOC";

    /// <summary>Tuesday 3 March 2026, 10:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Low risk (score 4), so C4: the simplest change there is.</summary>
    public static RiskAssessment LowRisk { get; } = new(1, 1, 1, 1);

    /// <summary>A valid normal change, low risk, C4, starting a day from <see cref="Now"/>.</summary>
    public static ChangeRequestContent Normal() => new()
    {
        Title = "Upgrade Redis cluster from 7.0 to 7.2",
        Type = ChangeType.Normal,
        Risk = LowRisk,
        Environment = "production",
        Services = ["redis-cluster-primary", "session-cache"],
        Executor = Executor,
        ImplementationPlan = "1. Update Helm values\n2. Apply to staging\n3. Apply to production with a rolling update",
        RollbackPlan = "1. helm rollback redis-cluster\n2. Verify the cluster re-forms",
        RollbackTriggers =
        [
            new RollbackTrigger(
                RollbackTriggerKind.Immediate,
                "Error rate exceeds 5% for 2 consecutive minutes",
                new MetricCondition("sum(rate(errors_total[1m])) / sum(rate(requests_total[1m]))", MetricComparison.Above, 0.05, TimeSpan.FromMinutes(2))),
            new RollbackTrigger(RollbackTriggerKind.TimeBounded, "Error rate above 1%", Window: TimeSpan.FromMinutes(15)),
            new RollbackTrigger(RollbackTriggerKind.ManualReview, "Any unexpected log pattern not seen in staging"),
        ],
        PreflightChecks = ["Replication is healthy on every node"],
        PostChecks = ["redis-cli INFO reports version 7.2 on every node"],
        PlannedStart = Now.AddDays(1),
        EstimatedDuration = TimeSpan.FromMinutes(45),
    };

    /// <summary>A valid change with the given risk, and everything a C1 or C2 needs filled in.</summary>
    public static ChangeRequestContent WithRisk(RiskAssessment risk, ChangeType type = ChangeType.Normal) => Normal() with
    {
        Type = type,
        Risk = risk,
        EventManager = EventManager,
        CommunicationsManager = CommunicationsManager,
        BridgeLink = "https://zoom.example.com/j/123",
        StandardTemplate = type == ChangeType.Standard ? "scale-deployment" : null,
        IncidentId = type == ChangeType.Emergency ? "INC-42" : null,
    };

    /// <summary>A risk assessment with the given composite score (4–16), spread over the four dimensions.</summary>
    public static RiskAssessment RiskScoring(int score, bool causesDowntime = false)
    {
        var scores = new[] { 1, 1, 1, 1 };
        var left = score - 4;
        for (var index = 0; left > 0; index = (index + 1) % 4)
        {
            if (scores[index] < 4)
            {
                scores[index]++;
                left--;
            }
        }

        return new RiskAssessment(scores[0], scores[1], scores[2], scores[3], causesDowntime);
    }

    public static ChangeRequestContent Standard() => WithRisk(LowRisk, ChangeType.Standard);

    public static ChangeRequestContent Emergency() => WithRisk(LowRisk, ChangeType.Emergency);
}
