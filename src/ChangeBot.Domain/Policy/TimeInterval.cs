namespace ChangeBot.Domain.Policy;

/// <summary>A half-open span of time [<see cref="Start"/>, <see cref="End"/>): its last instant is just before the end.</summary>
public readonly record struct TimeInterval
{
    public TimeInterval(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new DomainException($"A period must not end ({end:u}) before it starts ({start:u}).");
        }

        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Length => End - Start;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public bool Overlaps(TimeInterval other) => other.Start < End && other.End > Start;

    public override string ToString() => $"{Start:u} → {End:u}";
}
