using ChangeBot.Domain.Risk;

namespace ChangeBot.Domain.Tests.Risk;

public class RiskDimensionScaleTests
{
    [Theory]
    [InlineData(RiskDimension.BlastRadius, 1, "1 — Single pod/service")]
    [InlineData(RiskDimension.BlastRadius, 4, "4 — Cross-cluster or data layer")]
    [InlineData(RiskDimension.Reversibility, 2, "2 — Rollback under 5 min")]
    [InlineData(RiskDimension.Reversibility, 4, "4 — Irreversible (data migration)")]
    [InlineData(RiskDimension.Confidence, 3, "3 — First time, tested in staging")]
    [InlineData(RiskDimension.Timing, 4, "4 — Peak traffic")]
    public void Label_ShowsTheScoreWithTheSeedsMeaning(RiskDimension dimension, int score, string expected)
    {
        Assert.Equal(expected, RiskDimensionScale.For(dimension).Label(score));
    }

    [Fact]
    public void All_ListsTheFourDimensionsInTheSeedsOrderWithFourMeaningsEach()
    {
        Assert.Equal(
            ["Blast radius", "Reversibility", "Confidence", "Timing"],
            RiskDimensionScale.All.Select(scale => scale.Name));
        Assert.All(RiskDimensionScale.All, scale => Assert.Equal(4, scale.Meanings.Count));
    }

    [Fact]
    public void FieldKeys_AreTheStableRiskKeys()
    {
        Assert.Equal(
            ["risk.blastRadius", "risk.reversibility", "risk.confidence", "risk.timing"],
            RiskDimensionScale.All.Select(scale => scale.FieldKey));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Describe_ScoreOffTheScale_IsRefused(int score)
    {
        var error = Assert.Throws<DomainException>(() => RiskDimensionScale.Timing.Describe(score));

        Assert.Equal($"Timing is scored from 1 to 4, not {score}.", error.Message);
    }
}
