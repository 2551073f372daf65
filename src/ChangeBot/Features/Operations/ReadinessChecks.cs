namespace ChangeBot.Features.Operations;

/// <summary>
/// Names and the tag of the parts of <c>/readyz</c>. A slice adds its part with
/// <c>services.AddHealthChecks().AddCheck&lt;TCheck&gt;(ReadinessChecks.Database, tags: [ReadinessChecks.Tag])</c>: every
/// check with <see cref="Tag"/> counts, an unhealthy one makes <c>/readyz</c> answer 503 naming it.
/// </summary>
public static class ReadinessChecks
{
    /// <summary>The tag that puts a health check into <c>/readyz</c>.</summary>
    public const string Tag = "ready";

    public const string Policy = "policy";
    public const string Slack = "slack";
    public const string Monitoring = "monitoring";

    /// <summary>Reserved for the data slice: the database answers and every migration is applied.</summary>
    public const string Database = "database";

    /// <summary>The scheduler slice's part: this host's Quartz scheduler runs (not starting, in standby or shut down).</summary>
    public const string Scheduler = "scheduler";
}
