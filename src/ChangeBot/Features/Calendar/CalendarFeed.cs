using System.Globalization;
using System.Text;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Policy;
using ChangeBot.Features.Scheduling;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Options;
using IcalCalendar = Ical.Net.Calendar;

namespace ChangeBot.Features.Calendar;

/// <summary>
/// The iCalendar feed teams subscribe to: scheduled change requests, the change windows of the next
/// <see cref="CalendarOptions.WindowDays"/> days and every lock occurrence ahead. UIDs are derived from what an entry
/// is (a CR id, a window's type and opening, a lock's id and occurrence), so a calendar client updates entries in
/// place instead of duplicating them; windows and locks keep the wall-clock time of their own zone.
/// </summary>
public sealed class CalendarFeed(
    ChangeRequestQueries queries,
    IChangeCalendarSource calendar,
    IOptions<CalendarOptions> options,
    TimeProvider clock)
{
    public const string Domain = "changebot";

    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var current = calendar.Current;
        var feed = new IcalCalendar { ProductId = "-//ChangeBot//Change calendar//EN" };
        feed.AddProperty("X-WR-CALNAME", "ChangeBot changes");
        var zones = new HashSet<string>(StringComparer.Ordinal);

        var changes = await queries.PlannedBetweenAsync(now.AddDays(-7), now.AddDays(settings.HorizonDays), cancellationToken).ConfigureAwait(false);
        foreach (var change in changes)
        {
            feed.Events.Add(new IcalEvent
            {
                Uid = $"{change.Id}@{Domain}",
                Summary = $"{change.Id} · {change.Title} ({change.Criticality}, {change.State.ToString().ToLowerInvariant()})",
                Description = $"{ChangeMessage.TypeName(change.Type)} change, executor {change.Executor}, requested by {change.Requester}.",
                DtStart = Utc(change.PlannedStart),
                DtEnd = Utc(change.PlannedEnd),
                DtStamp = Utc(change.UpdatedAt),
                Sequence = change.Revision,
                Categories = ["change"],
            });
        }

        var windowsTo = now.AddDays(settings.WindowDays);
        foreach (var (type, window) in current.Policy.Windows.OrderBy(pair => pair.Key))
        {
            if (window.AlwaysOpen)
            {
                continue;
            }

            foreach (var opening in window.Openings(now, windowsTo))
            {
                feed.Events.Add(new IcalEvent
                {
                    Uid = $"{CalendarEvents.WindowId(type)}-{Stamp(opening.Start)}@{Domain}",
                    Summary = $"Change window: {ChangeMessage.TypeName(type)} changes",
                    Description = $"{ChangeMessage.TypeName(type)} changes may start {window}.",
                    DtStart = Local(opening.Start, window.Zone, zones),
                    DtEnd = Local(opening.End, window.Zone, zones),
                    DtStamp = Utc(now),
                    Transparency = "TRANSPARENT",
                    Categories = ["change-window"],
                });
            }
        }

        foreach (var occurrence in current.Occurrences(new TimeInterval(now.AddDays(-1), now.AddDays(settings.HorizonDays))))
        {
            if (occurrence.Entry is not ChangeLock changeLock || occurrence.Period.Length <= TimeSpan.Zero)
            {
                continue;
            }

            var terms = new StringBuilder();
            ClockMessages.AppendLockTerms(terms, changeLock, []);
            feed.Events.Add(new IcalEvent
            {
                Uid = $"{changeLock.Id}-{Stamp(occurrence.Period.Start)}@{Domain}",
                Summary = $"🔒 {char.ToUpperInvariant(changeLock.Title[0])}{changeLock.Title[1..]}",
                Description = terms.ToString().Replace("*", string.Empty, StringComparison.Ordinal).Trim(),
                DtStart = Local(occurrence.Period.Start, changeLock.Zone, zones),
                DtEnd = Local(occurrence.Period.End, changeLock.Zone, zones),
                DtStamp = Utc(now),
                Categories = [changeLock.Kind == LockKind.Freeze ? "freeze" : "pcl"],
            });
        }

        foreach (var zone in zones.Order(StringComparer.Ordinal))
        {
            feed.AddTimeZone(zone);
        }

        return new CalendarSerializer().SerializeToString(feed) ?? string.Empty;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime);

    private static CalDateTime Local(DateTimeOffset at, TimeZoneInfo zone, HashSet<string> zones)
    {
        var id = PolicyText.Zone(zone);
        if (id == "UTC")
        {
            return Utc(at);
        }

        zones.Add(id);
        return new CalDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime, id);
    }
}
