using System.Globalization;

namespace ChangeBot.Domain.Policy;

/// <summary>How times read in admission messages: wall-clock time in the rule's zone, with the zone named.</summary>
public static class PolicyText
{
    public static string Zone(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC" ? "UTC" : zone.Id;
    }

    public static string At(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " " + Zone(zone);
    }
}
