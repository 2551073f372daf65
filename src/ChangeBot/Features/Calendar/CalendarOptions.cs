namespace ChangeBot.Features.Calendar;

/// <summary>
/// <c>ChangeBot:Calendar</c>: the tokens that may read <c>GET /calendar.ics?token=…</c> (one per team or calendar
/// client, so one can be revoked alone). Secrets: set them from the environment
/// (<c>ChangeBot__Calendar__Tokens__0</c>). With none set the feed answers 401 to everyone.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "ChangeBot:Calendar";

    public IList<string> Tokens { get; } = [];

    /// <summary>How many days of change windows the feed lists (the issue: the next 30).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 366)]
    public int WindowDays { get; set; } = 30;

    /// <summary>How many days ahead scheduled changes and locks are listed.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 732)]
    public int HorizonDays { get; set; } = 90;
}
