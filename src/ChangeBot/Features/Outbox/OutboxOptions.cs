using System.ComponentModel.DataAnnotations;

namespace ChangeBot.Features.Outbox;

/// <summary>The <c>Outbox</c> section: how the worker delivers what the bot owes Slack.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Failed attempts (not counting rate limits) before an entry is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often the worker looks for due entries when the last round found none.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first retry's delay; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a worker holds an entry it is delivering; another replica may take it after that.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// When the bot stops, how long the worker may go on delivering what is owed before the process exits (the host's
    /// shutdown timeout is raised to fit; keep Kubernetes' terminationGracePeriodSeconds above both).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownFlush { get; set; } = TimeSpan.FromSeconds(10);
}
