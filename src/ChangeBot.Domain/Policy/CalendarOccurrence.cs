namespace ChangeBot.Domain.Policy;

/// <summary>One occurrence of a lock or exclusion: which entry, and the period it holds this time.</summary>
public readonly record struct CalendarOccurrence(ICalendarEntry Entry, TimeInterval Period);
