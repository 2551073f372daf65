namespace ChangeBot.Domain.Risk;

/// <summary>The four dimensions seed 1 scores every change on, each from 1 (low) to 4 (critical).</summary>
public enum RiskDimension
{
    BlastRadius = 1,
    Reversibility = 2,
    Confidence = 3,
    Timing = 4,
}
