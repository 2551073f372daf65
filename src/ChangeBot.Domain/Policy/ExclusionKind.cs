namespace ChangeBot.Domain.Policy;

/// <summary>Seed 1's exclusions from the change windows.</summary>
public enum ExclusionKind
{
    /// <summary>No normal change within the margin (48 h) before or after a major release.</summary>
    MajorRelease = 1,

    PeakTraffic = 2,

    Holiday = 3,
}
