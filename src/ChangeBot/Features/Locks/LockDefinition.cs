using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Locks;

/// <summary>
/// A lock as someone declared it in Slack: wall-clock start and end in a time zone, and how it repeats. Stored whole
/// as the lock row's definition and turned into the domain's <see cref="ChangeLock"/> for admission and the clock.
/// </summary>
public sealed record LockDefinition
{
    public required string Name { get; init; }

    public required LockKind Kind { get; init; }

    public required LockStrength Strength { get; init; }

    /// <summary>Local wall-clock time in <see cref="TimeZone"/>.</summary>
    public required DateTime Start { get; init; }

    public required DateTime End { get; init; }

    public LockRecurrence Recurrence { get; init; }

    /// <summary>An IANA id, e.g. <c>Europe/Berlin</c>.</summary>
    public string TimeZone { get; init; } = "UTC";

    public IReadOnlyList<string> Environments { get; init; } = [];

    public IReadOnlyList<string> Services { get; init; } = [];

    public IReadOnlyList<ExceptionCategory> Exceptions { get; init; } = [];

    public ApproverRole ExceptionApprover { get; init; } = ApproverRole.Vpe;

    /// <summary>The id run-time locks have: <c>rt-pcl-black-friday</c>, never equal to a policy lock's.</summary>
    public string Id => $"rt-{(Kind == LockKind.Freeze ? "freeze" : "pcl")}-{ChangeLock.Slug(Name)}";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The first (or only) occurrence as instants.</summary>
    public TimeInterval FirstPeriod => new(Instant(Start), Instant(End));

    /// <summary>The domain lock. A recurring one's schedule also covers the past; only the future matters to admission and the clock.</summary>
    public ChangeLock ToChangeLock() => new()
    {
        Id = Id,
        Name = Name,
        Kind = Kind,
        Strength = Strength,
        Schedule = Schedule(),
        Zone = Zone,
        Scope = LockScope.Of(Environments, Services),
        Exceptions = Exceptions.ToHashSet(),
        ExceptionApprover = ExceptionApprover,
    };

    /// <summary>What is wrong with it, field by field (empty when it is valid).</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Name) || ChangeLock.Slug(Name).Length == 0)
        {
            problems.Add(("name", "Give the lock a name with at least one letter or digit."));
        }

        if (End <= Start)
        {
            problems.Add(("end", "The end must be after the start."));
        }
        else if (Recurrence == LockRecurrence.Weekly && End - Start > TimeSpan.FromDays(1))
        {
            problems.Add(("end", "A weekly lock may last at most 24 hours."));
        }
        else if (Recurrence == LockRecurrence.Monthly && End - Start > TimeSpan.FromDays(27))
        {
            problems.Add(("end", "A monthly lock may last at most 27 days."));
        }

        return problems;
    }

    // A time skipped by a DST switch reads with the zone's standard offset, as the policy file's times do.
    private DateTimeOffset Instant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private CalendarSchedule Schedule()
    {
        var from = TimeOnly.FromDateTime(Start);
        var to = TimeOnly.FromDateTime(End);
        return Recurrence switch
        {
            LockRecurrence.None => new OneOffSchedule(FirstPeriod),
            LockRecurrence.Weekly => new WeeklySchedule(new DailySpan(new HashSet<DayOfWeek> { Start.DayOfWeek }, from, to)),
            LockRecurrence.Monthly => new MonthlySchedule(Start.Day, from, End.Day, to),
            _ => throw new DomainException($"Unknown recurrence {Recurrence}."),
        };
    }
}
