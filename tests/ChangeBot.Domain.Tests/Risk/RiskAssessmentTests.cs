using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Tests.Changes;

namespace ChangeBot.Domain.Tests.Risk;

public class RiskAssessmentTests
{
    [Fact]
    public void Score_IsTheSumOfTheFourDimensions()
    {
        Assert.Equal(10, new RiskAssessment(1, 2, 3, 4).Score);
    }

    [Theory]
    [InlineData(4, RiskLevel.Low)]
    [InlineData(6, RiskLevel.Low)]
    [InlineData(7, RiskLevel.Medium)]
    [InlineData(10, RiskLevel.Medium)]
    [InlineData(11, RiskLevel.High)]
    [InlineData(13, RiskLevel.High)]
    [InlineData(14, RiskLevel.Critical)]
    [InlineData(16, RiskLevel.Critical)]
    public void Level_FollowsTheSeedBands(int score, RiskLevel expected)
    {
        var risk = ContentBuilder.RiskScoring(score);

        Assert.Equal(score, risk.Score);
        Assert.Equal(expected, risk.Level);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(0)]
    public void LevelFor_ScoreOutsideFourToSixteen_IsRefused(int score)
    {
        var error = Assert.Throws<DomainException>(() => RiskAssessment.LevelFor(score));

        Assert.Contains("between 4 and 16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, Criticality.C4)]
    [InlineData(6, Criticality.C4)]
    [InlineData(7, Criticality.C3)]
    [InlineData(10, Criticality.C3)]
    [InlineData(11, Criticality.C2)]
    [InlineData(13, Criticality.C2)]
    [InlineData(14, Criticality.C1)]
    [InlineData(16, Criticality.C1)]
    public void MinimumCriticality_FollowsTheRiskLevel(int score, Criticality expected)
    {
        Assert.Equal(expected, ContentBuilder.RiskScoring(score).MinimumCriticality);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(12)]
    public void Criticality_CausesDowntime_IsAlwaysC1(int score)
    {
        Assert.Equal(Criticality.C1, ContentBuilder.RiskScoring(score, causesDowntime: true).MinimumCriticality);
    }

    [Fact]
    public void Validate_EveryScoreOnTheScale_HasNoErrors()
    {
        Assert.Empty(new RiskAssessment(1, 4, 2, 3).Validate());
    }

    [Fact]
    public void Validate_ScoresOffTheScale_NamesEachDimensionByItsFieldKey()
    {
        var errors = new RiskAssessment(0, 5, 2, -1).Validate();

        Assert.Equal(
            [ChangeRequestFields.RiskBlastRadius, ChangeRequestFields.RiskReversibility, ChangeRequestFields.RiskTiming],
            errors.Select(error => error.Field));
        Assert.Contains("Score reversibility from 1 (Instant rollback) to 4 (Irreversible (data migration)); 5 is not on the scale.", errors.Select(error => error.Message));
    }

    [Fact]
    public void Score_OfAnInvalidAssessment_IsRefusedRatherThanGuessed()
    {
        // 0 + 4 + 4 + 4 sums to a plausible 12: the sum alone must not be trusted.
        var risk = new RiskAssessment(0, 4, 4, 4);

        Assert.False(risk.IsValid);
        Assert.Throws<DomainException>(() => risk.Score);
        Assert.Throws<DomainException>(() => risk.MinimumCriticality);
    }

    [Fact]
    public void Describe_SaysLevelAndScore()
    {
        Assert.Equal("high (score 12)", ContentBuilder.RiskScoring(12).Describe());
    }
}
