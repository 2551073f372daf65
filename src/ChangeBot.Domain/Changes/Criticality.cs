namespace ChangeBot.Domain.Changes;

/// <summary>
/// The policy's criticalities. C1 is the most critical. The numeric value orders them:
/// a lower number is more critical.
/// </summary>
public enum Criticality
{
    C1 = 1,
    C2 = 2,
    C3 = 3,
    C4 = 4,
}
