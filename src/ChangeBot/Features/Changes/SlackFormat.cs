using System.Globalization;
using ChangeBot.Domain.Changes;
using Humanizer;

namespace ChangeBot.Features.Changes;

/// <summary>How times, people and durations are written in ChangeBot's messages.</summary>
public static class SlackFormat
{
    /// <summary>A time each reader sees in their own zone: <c>&lt;!date^unix^{date_short_pretty} {time}|fallback&gt;</c>.</summary>
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
}
