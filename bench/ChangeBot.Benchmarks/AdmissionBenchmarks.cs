using BenchmarkDotNet.Attributes;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Benchmarks;

/// <summary>
/// One admission decision against the default policy plus 10 000 calendar entries (one-off freezes and exclusions,
/// some recurring) and 100 000 scheduled changes over two years on 500 services. Goal: under 1 ms per decision.
/// </summary>
[MemoryDiagnoser]
public class AdmissionBenchmarks
{
    private static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private ChangeCalendar _calendar = null!;
    private LiveState _live = null!;
    private AdmissionQuery _allowed = null!;
    private AdmissionQuery _blockedWithSearch = null!;
    private AdmissionQuery _conflicting = null!;
    private List<ChangeLock> _locks = null!;
    private List<ScheduledChange> _scheduled = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string Service(int i) => $"svc-{i % 500}";
        _locks = [];
        for (var i = 0; i < 6_000; i++)
        {
            var start = Origin.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            _locks.Add(new ChangeLock
            {
                Id = $"lock-{i}",
                Name = $"Freeze {i}",
                Kind = LockKind.Freeze,
                Strength = i % 3 == 0 ? LockStrength.Soft : LockStrength.Hard,
                Schedule = new OneOffSchedule(new TimeInterval(start, start.AddHours(random.Next(1, 48)))),
                Scope = LockScope.Of(["production"], [Service(random.Next())]),
            });
        }

        for (var i = 0; i < 10; i++)
        {
            _locks.Add(new ChangeLock
            {
                Id = $"monthly-{i}",
                Name = $"Monthly {i}",
                Strength = LockStrength.Soft,
                Schedule = new MonthlySchedule(1 + i, new(9, 0), 2 + i, new(9, 0)),
                Scope = LockScope.Of([], [Service(i)]),
            });
        }

        var normal = new HashSet<ChangeType> { ChangeType.Normal };
        var exclusions = new List<CalendarExclusion>();
        for (var i = 0; i < 3_990; i++)
        {
            var at = Origin.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            exclusions.Add(i % 2 == 0
                ? CalendarExclusion.MajorRelease($"release {i}", at, TimeSpan.FromHours(1), normal)
                : new CalendarExclusion { Kind = ExclusionKind.PeakTraffic, Name = $"peak {i}", Schedule = new OneOffSchedule(new TimeInterval(at, at.AddHours(2))), AppliesTo = normal });
        }

        var policy = ChangePolicy.Default with { Exclusions = exclusions };
        _calendar = ChangeCalendar.Create(policy, _locks);

        _scheduled = [];
        for (var i = 0; i < 100_000; i++)
        {
            var start = Origin.AddMinutes(random.Next(0, 2 * 365 * 24 * 60));
            _scheduled.Add(new ScheduledChange(ChangeId.Create(2026, i + 1), [Service(random.Next()), Service(random.Next())], new TimeInterval(start, start.AddMinutes(random.Next(30, 240)))));
        }

        _live = new LiveState { Scheduled = new ScheduledChangeIndex(_scheduled) };
        var tuesday = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        _allowed = new AdmissionQuery { Type = ChangeType.Standard, Criticality = Criticality.C4, Start = tuesday, Services = ["svc-1", "svc-2"] };
        _conflicting = _allowed with { Start = _scheduled[0].Period.Start, Services = [.. _scheduled[0].Services] };
        // Friday afternoon for a C2 normal change: the search walks windows, slots, freezes and exclusions.
        _blockedWithSearch = new AdmissionQuery
        {
            Type = ChangeType.Normal,
            Criticality = Criticality.C2,
            Start = new DateTimeOffset(2026, 12, 18, 15, 0, 0, TimeSpan.Zero),
            Duration = TimeSpan.FromHours(2),
            Services = ["svc-7", "svc-8"],
        };
    }

    [Benchmark(Baseline = true)]
    public AdmissionDecision DecideAllowed() => AdmissionEngine.Decide(_allowed, _calendar, _live, Origin);

    [Benchmark]
    public AdmissionDecision DecideWithConflicts() => AdmissionEngine.Decide(_conflicting, _calendar, _live, Origin);

    [Benchmark]
    public AdmissionDecision DecideBlockedWithNextAllowedSearch() => AdmissionEngine.Decide(_blockedWithSearch, _calendar, _live, Origin);

    [Benchmark]
    public ChangeCalendar BuildCalendar() => ChangeCalendar.Create(_calendar.Policy, _locks);

    [Benchmark]
    public ScheduledChangeIndex BuildScheduleIndex() => new(_scheduled);
}
