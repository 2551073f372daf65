using System.Globalization;

namespace ChangeBot.Domain.Risk;

/// <summary>
/// One dimension's rubric: its name, its stable field key and what each score 1–4 means (seed 1's table),
/// so a modal can offer "2 — Rollback under 5 min" instead of a bare number.
/// </summary>
public sealed record RiskDimensionScale
{
    public const int MinimumScore = 1;
    public const int MaximumScore = 4;

    private RiskDimensionScale(RiskDimension dimension, string name, string fieldKey, IReadOnlyList<string> meanings)
    {
        Dimension = dimension;
        Name = name;
        FieldKey = fieldKey;
        Meanings = meanings;
    }

    public RiskDimension Dimension { get; }

    /// <summary>"Blast radius", "Reversibility", …</summary>
    public string Name { get; }

    /// <summary>The validation field key, e.g. <c>risk.blastRadius</c>.</summary>
    public string FieldKey { get; }

    /// <summary>What scores 1, 2, 3 and 4 mean, in that order.</summary>
    public IReadOnlyList<string> Meanings { get; }

    public static RiskDimensionScale BlastRadius { get; } = new(
        RiskDimension.BlastRadius,
        "Blast radius",
        "risk.blastRadius",
        ["Single pod/service", "Multiple services", "Entire namespace", "Cross-cluster or data layer"]);

    public static RiskDimensionScale Reversibility { get; } = new(
        RiskDimension.Reversibility,
        "Reversibility",
        "risk.reversibility",
        ["Instant rollback", "Rollback under 5 min", "Rollback requires downtime", "Irreversible (data migration)"]);

    public static RiskDimensionScale Confidence { get; } = new(
        RiskDimension.Confidence,
        "Confidence",
        "risk.confidence",
        ["Done 50+ times", "Done several times", "First time, tested in staging", "First time, no staging equivalent"]);

    public static RiskDimensionScale Timing { get; } = new(
        RiskDimension.Timing,
        "Timing",
        "risk.timing",
        ["Off-peak", "Normal hours", "Business hours, moderate traffic", "Peak traffic"]);

    /// <summary>The four scales in the seed's order.</summary>
    public static IReadOnlyList<RiskDimensionScale> All { get; } = [BlastRadius, Reversibility, Confidence, Timing];

    public static RiskDimensionScale For(RiskDimension dimension) => dimension switch
    {
        RiskDimension.BlastRadius => BlastRadius,
        RiskDimension.Reversibility => Reversibility,
        RiskDimension.Confidence => Confidence,
        RiskDimension.Timing => Timing,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown risk dimension."),
    };

    /// <summary>What a score means, e.g. 2 → "Rollback under 5 min".</summary>
    public string Describe(int score)
    {
        EnsureInRange(score);
        return Meanings[score - 1];
    }

    /// <summary>A score with its meaning, as a select option shows it: "2 — Rollback under 5 min".</summary>
    public string Label(int score) =>
        string.Create(CultureInfo.InvariantCulture, $"{score} — {Describe(score)}");

    private void EnsureInRange(int score)
    {
        if (score is < MinimumScore or > MaximumScore)
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture,
                $"{Name} is scored from {MinimumScore} to {MaximumScore}, not {score}."));
        }
    }
}
