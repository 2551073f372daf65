using System.Globalization;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using Humanizer;

namespace ChangeBot.Features.Changes;

/// <summary>How times, people and durations are written in ChangeBot's messages.</summary>
public static class SlackFormat
{
    /// <summary>A time each reader sees in their own zone: <c>&lt;!date^unix^{date_short_pretty} {time}|fallback&gt;</c>.</summary>
    /// <summary>Why there is no next allowed start: what live state it waits for, or nothing open in the search horizon.</summary>
    public static string NoNextStart(AdmissionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.WaitingFor.Count > 0
            ? $"No start time can be predicted: it waits for {string.Join(" and ", decision.WaitingFor.Select(rule => $"`{rule}`"))} to clear, which no calendar says when."
            : "No allowed start was found in the policy's search horizon.";
    }

    public static string When(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} {{time}}|{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC>");

    /// <summary>A time of day only, for the end of a window on the same day.</summary>
    public static string TimeOfDay(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{time}}|{at.UtcDateTime:HH:mm} UTC>");

    /// <summary>"2026-12-02 03:00 → 03:45 (45 minutes)" with date tokens.</summary>
    public static string Window(DateTimeOffset start, TimeSpan duration)
    {
        var end = start + duration;
        var endText = end.UtcDateTime.Date == start.UtcDateTime.Date ? TimeOfDay(end) : When(end);
        return $"{When(start)} → {endText} ({Duration(duration)})";
    }

    /// <summary>"45 minutes", "1 hour, 30 minutes".</summary>
    public static string Duration(TimeSpan duration) =>
        duration.Humanize(precision: 2, culture: CultureInfo.InvariantCulture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute);

    /// <summary>A Slack user as a mention; anything else (an API client's name) as written.</summary>
    public static string Person(string? who) =>
        who is null ? "nobody"
        : RoleOptions.IsUserId(who) ? $"<@{who}>"
        : who;

    public static string People(IEnumerable<string> who, string none = "nobody")
    {
        var list = who.Select(Person).ToList();
        return list.Count == 0 ? none : string.Join(", ", list);
    }

    /// <summary>"CR-2026-0001 · Upgrade Redis"</summary>
    public static string Title(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $"{change.Id} · {change.Title}";
    }

    /// <summary>"🚨 *S1* INC-7 Checkout is down, since Dec 2 03:00 (2 hours ago)": an active incident in Home and lists.</summary>
    public static string Incident(IncidentRecord incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var icon = incident.Severity is "S1" or "S2" ? "🚨" : "⚠️";
        return $"{icon} *{incident.Severity}* {incident.Id} {incident.Title}, since {When(incident.StartedAt)} ({incident.StartedAt.Humanize(now, CultureInfo.InvariantCulture)})";
    }

    /// <summary>The active incidents as one mrkdwn paragraph, saying what an S1/S2 does to changes; null when there is none.</summary>
    public static string? Incidents(IReadOnlyList<IncidentRecord> active, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(active);
        if (active.Count == 0)
        {
            return null;
        }

        var lines = string.Join("\n", active.Select(incident => "• " + Incident(incident, now)));
        var blocking = active.Any(incident => incident.Severity is "S1" or "S2")
            ? "\nWhile an S1/S2 incident is active, only an emergency change linked to it may start."
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"*Active incidents* ({active.Count})\n{lines}{blocking}");
    }
}
