namespace ChangeBot.Domain.Risk;

/// <summary>The seed's composite risk bands: 4–6 low, 7–10 medium, 11–13 high, 14–16 critical.</summary>
public enum RiskLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
