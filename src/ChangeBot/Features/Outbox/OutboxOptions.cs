using System.ComponentModel.DataAnnotations;

namespace ChangeBot.Features.Outbox;

/// <summary><c>ChangeBot:Outbox</c>: how the worker delivers the Slack messages the bot owes.</summary>
public sealed class OutboxOptions
{
    public const string Section = "ChangeBot:Outbox";

    /// <summary>How often the outbox is read when nothing signalled (messages written by another replica).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts before a message is given up on and kept as dead for an operator.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long one worker holds an entry while delivering it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(1);
}
