using System.Globalization;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// One reminder due about a change request. <see cref="Step"/> tells repeated reminders of one kind apart (the
/// stage index for <see cref="ChangeReminderKind.StageMonitored"/>), so the key names exactly one reminder.
/// </summary>
public sealed record ChangeReminder(ChangeReminderKind Kind, DateTimeOffset DueAt, int Step = 0)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Kind}|{Step}|{DueAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
}
