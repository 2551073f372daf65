using System.Globalization;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Cli;

/// <summary>The day-by-day text of <c>policy calendar</c>: what is open for each type and criticality, and what is locked.</summary>
internal static class PolicyCalendarView
{
    public static void Write(TextWriter stdout, ChangeCalendar calendar, DateOnly from, int days)
    {
        var policy = calendar.Policy;
        var zone = policy.Zone;
        stdout.WriteLine($"policy '{policy.Name}', times in {PolicyText.Zone(zone)}");
        for (var day = from; day < from.AddDays(days); day = day.AddDays(1))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
            var range = new TimeInterval(start, start.AddDays(1));
            stdout.WriteLine(day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture));
            foreach (var type in Enum.GetValues<ChangeType>())
            {
                stdout.WriteLine($"  {type.ToString().ToLowerInvariant(),-9} {Open(policy.WindowFor(type), range, zone)}");
            }

            foreach (var criticality in Enum.GetValues<Criticality>().Where(c => !policy.SlotFor(c).AlwaysOpen))
            {
                stdout.WriteLine($"  {criticality + " slot",-9} {Open(policy.SlotFor(criticality), range, zone)}");
            }

            foreach (var occurrence in calendar.Occurrences(range))
            {
                var title = occurrence.Entry switch
                {
                    ChangeLock l => $"{l.Title} ({(l.Strength == LockStrength.Hard ? "blocks every change" : "blocks " + string.Join(", ", l.BlockedCriticalities.Order()))})",
                    CalendarExclusion e => $"{e.Title} (blocks {string.Join(", ", e.AppliesTo.Order()).ToLowerInvariant()})",
                    _ => occurrence.Entry.Name,
                };
                stdout.WriteLine($"  locked    {title}: {PolicyText.At(occurrence.Period.Start, occurrence.Entry.Zone)} → {PolicyText.At(occurrence.Period.End, occurrence.Entry.Zone)}");
            }
        }
    }

    private static string Open(ChangeWindow window, TimeInterval day, TimeZoneInfo zone)
    {
        if (window.AlwaysOpen)
        {
            return "open all day";
        }

        var spans = window.Openings(day.Start, day.End)
            .Select(o => new TimeInterval(o.Start < day.Start ? day.Start : o.Start, o.End > day.End ? day.End : o.End))
            .Where(o => o.Length > TimeSpan.Zero)
            .Select(o => $"{Clock(o.Start, zone)}–{(o.End == day.End ? "24:00" : Clock(o.End, zone))}")
            .ToList();
        return spans.Count == 0 ? "closed" : "open " + string.Join(", ", spans);
    }

    private static string Clock(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
