namespace ChangeBot.Domain.Policy;

/// <summary>Something on the calendar that can stop a change: a lock (PCL or freeze) or an exclusion.</summary>
public interface ICalendarEntry
{
    string Name { get; }

    /// <summary>The admission rule id its reasons carry, e.g. <c>pcl.soft</c> or <c>holiday</c>.</summary>
    string RuleId { get; }

    CalendarSchedule Schedule { get; }

    TimeZoneInfo Zone { get; }
}
