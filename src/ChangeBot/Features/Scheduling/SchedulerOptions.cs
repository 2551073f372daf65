using System.ComponentModel.DataAnnotations;

namespace ChangeBot.Features.Scheduling;

/// <summary>
/// <c>ChangeBot:Scheduler</c>: how far ahead the calendar's announcements are put on the clock, how often that plan is
/// rolled forward, and from when on a job that fires after its time says it ran late.
/// </summary>
public sealed class SchedulerOptions
{
    public const string Section = "ChangeBot:Scheduler";

    /// <summary>More than a day, so a lock's heads-up 24 h before is planned before it is due.</summary>
    [Range(typeof(TimeSpan), "1.06:00:00", "30.00:00:00", ErrorMessage = "ChangeBot:Scheduler:LookAhead must be between 1.06:00:00 and 30.00:00:00 (it must reach past a lock's heads-up 24 h ahead).")]
    public TimeSpan LookAhead { get; set; } = TimeSpan.FromDays(3);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "ChangeBot:Scheduler:PlanEvery must be between 00:01:00 and 1.00:00:00.")]
    public TimeSpan PlanEvery { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "ChangeBot:Scheduler:LateAfter must be between 00:00:01 and 01:00:00.")]
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A node's id in a PostgreSQL cluster; blank means generated (host name and a timestamp).</summary>
    [MaxLength(100)]
    public string? InstanceId { get; set; }
}
