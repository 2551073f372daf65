using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Execution;

/// <summary>
/// The admission rules an admin may lift for one change (the ids admission reasons carry). The emergency approval
/// rule is not among them: an approval is given, not overridden.
/// </summary>
public static class OverrideRules
{
    /// <summary>The longest an override may last: it is for one start, not a standing exemption.</summary>
    public static readonly TimeSpan LongestExpiry = TimeSpan.FromDays(7);

    public static IReadOnlyList<string> All { get; } =
    [
        .. Enum.GetValues<ChangeType>().Select(AdmissionRuleIds.Window),
        .. Enum.GetValues<Criticality>().Select(AdmissionRuleIds.Slot),
        AdmissionRuleIds.PclSoft,
        AdmissionRuleIds.PclHard,
        AdmissionRuleIds.Freeze,
        AdmissionRuleIds.MajorRelease,
        AdmissionRuleIds.PeakTraffic,
        AdmissionRuleIds.Holiday,
        AdmissionRuleIds.IncidentActive,
        AdmissionRuleIds.Serialisation,
        AdmissionRuleIds.MonitoringDown,
        AdmissionRuleIds.DurationWindow,
        AdmissionRuleIds.DurationLock,
    ];

    public static string? Find(string rule) =>
        All.FirstOrDefault(known => string.Equals(known, rule.Trim(), StringComparison.OrdinalIgnoreCase));
}
