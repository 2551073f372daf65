namespace ChangeBot.Domain.Policy;

/// <summary>
/// The ids admission reasons and conditions carry. They are API (the gate's JSON, overrides name them), so they never
/// change meaning.
/// </summary>
public static class AdmissionRuleIds
{
    public const string WindowPrefix = "window.";
    public const string SlotPrefix = "slot.";
    public const string MajorRelease = "exclusion.major-release";
    public const string PeakTraffic = "exclusion.peak-traffic";
    public const string Holiday = "holiday";
    public const string PclSoft = "pcl.soft";
    public const string PclHard = "pcl.hard";
    public const string Freeze = "freeze";
    public const string IncidentActive = "incident.active";
    public const string IncidentMinor = "incident.minor";
    public const string Serialisation = "serialisation";
    public const string Concurrent = "serialisation.notice";
    public const string MonitoringDown = "monitoring.down";
    public const string DurationWindow = "duration.window";
    public const string DurationLock = "duration.lock";
    public const string Conflict = "conflict";
    public const string Exception = "exception";
    public const string Override = "override";
    public const string Emergency = "emergency";

    public static string Window(Changes.ChangeType type) => WindowPrefix + type.ToString().ToLowerInvariant();

    public static string Slot(Changes.Criticality criticality) => SlotPrefix + criticality.ToString().ToLowerInvariant();
}
