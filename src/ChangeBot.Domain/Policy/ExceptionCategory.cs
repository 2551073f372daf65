namespace ChangeBot.Domain.Policy;

/// <summary>The named reasons a change may claim to run during a lock that lists them (seed 2).</summary>
public enum ExceptionCategory
{
    SecurityPatchCritical = 1,
    SecurityPatchHigh = 2,
    ActiveIncidentFix = 3,
}
