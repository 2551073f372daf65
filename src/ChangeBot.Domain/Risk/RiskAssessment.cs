using System.Globalization;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Risk;

/// <summary>
/// The requester's four scores (seed 1) and whether the change causes downtime (seed 2: then it is always C1).
/// Holds raw input so the intake form can report every bad score at once; <see cref="Score"/>,
/// <see cref="Level"/> and <see cref="MinimumCriticality"/> refuse to answer for an invalid assessment.
/// </summary>
public sealed record RiskAssessment(int BlastRadius, int Reversibility, int Confidence, int Timing, bool CausesDowntime = false)
{
    public const int MinimumTotal = 4;
    public const int MaximumTotal = 16;

    public int ScoreOf(RiskDimension dimension) => dimension switch
    {
        RiskDimension.BlastRadius => BlastRadius,
        RiskDimension.Reversibility => Reversibility,
        RiskDimension.Confidence => Confidence,
        RiskDimension.Timing => Timing,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown risk dimension."),
    };

    public bool IsValid => RiskDimensionScale.All.All(scale => InRange(ScoreOf(scale.Dimension)));

    /// <summary>The composite score, 4–16: the sum of the four dimensions.</summary>
    public int Score
    {
        get
        {
            EnsureValid();
            return BlastRadius + Reversibility + Confidence + Timing;
        }
    }

    public RiskLevel Level => LevelFor(Score);

    /// <summary>
    /// The least critical criticality the rules allow: downtime forces C1, otherwise critical→C1, high→C2,
    /// medium→C3, low→C4. A requester may choose a more critical one, never a less critical one.
    /// </summary>
    public Criticality MinimumCriticality => CausesDowntime
        ? Criticality.C1
        : Level switch
        {
            RiskLevel.Critical => Criticality.C1,
            RiskLevel.High => Criticality.C2,
            RiskLevel.Medium => Criticality.C3,
            _ => Criticality.C4,
        };

    /// <summary>Seed 1's bands: 4–6 low, 7–10 medium, 11–13 high, 14–16 critical.</summary>
    public static RiskLevel LevelFor(int score) => score switch
    {
        < MinimumTotal or > MaximumTotal => throw new DomainException(string.Create(
            CultureInfo.InvariantCulture,
            $"A composite risk score is between {MinimumTotal} and {MaximumTotal}, not {score}.")),
        <= 6 => RiskLevel.Low,
        <= 10 => RiskLevel.Medium,
        <= 13 => RiskLevel.High,
        _ => RiskLevel.Critical,
    };

    /// <summary>One error per dimension scored outside 1–4, keyed by the dimension's field key.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        foreach (var scale in RiskDimensionScale.All)
        {
            var score = ScoreOf(scale.Dimension);
            if (!InRange(score))
            {
                errors.Add(new FieldError(
                    scale.FieldKey,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Score {scale.Name.ToLowerInvariant()} from 1 ({scale.Describe(1)}) to 4 ({scale.Describe(4)}); {score} is not on the scale.")));
            }
        }

        return errors;
    }

    /// <summary>"high (score 12)", as reasons and summaries quote it.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Level.ToString().ToLowerInvariant()} (score {Score})");

    private static bool InRange(int score) =>
        score is >= RiskDimensionScale.MinimumScore and <= RiskDimensionScale.MaximumScore;

    private void EnsureValid()
    {
        if (!IsValid)
        {
            throw new DomainException(string.Join(' ', Validate().Select(error => error.Message)));
        }
    }
}
