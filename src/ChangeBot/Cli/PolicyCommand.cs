using System.Globalization;
using System.Text.Json;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Gate;
using ChangeBot.Features.Policy;
using Humanizer;

namespace ChangeBot.Cli;

/// <summary>
/// <c>changebot policy check|explain|calendar</c>: lint a policy, ask it the gate's question, preview its calendar.
/// Exit codes: 0 ok / allowed, 1 blocked, 2 bad input or invalid policy.
/// </summary>
internal static class PolicyCommand
{
    public const int Ok = 0;
    public const int Blocked = 1;
    public const int BadInput = 2;

    public const string Usage = """
        usage: changebot policy check [FILE]
               changebot policy explain --criticality C [--type T] [--at ISO] [--duration 45m] [--services a,b]
                                        [--environment E] [--change CR-…] [--incident ID] [--exception CATEGORY]
                                        [--approvals eoc,imoc,vpe] [--canary true] [--policy FILE] [--json]
               changebot policy calendar --from ISO --days N [--policy FILE]
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(clock);
        return args.FirstOrDefault() switch
        {
            "check" => Check(args[1..], stdout, stderr),
            "explain" => Explain(args[1..], stdout, stderr, clock),
            "calendar" => Calendar(args[1..], stdout, stderr),
            _ => Fail(stderr, Usage),
        };
    }

    private static int Check(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 1)
        {
            return Fail(stderr, "policy check takes at most one FILE.\n" + Usage);
        }

        var path = args.Length == 1 ? args[0] : PolicyFileReader.DefaultPath;
        var (loaded, errors) = PolicyFileReader.Read(path);
        if (loaded is null)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine(error);
            }

            stderr.WriteLine($"{errors.Count} error{(errors.Count == 1 ? string.Empty : "s")} in {path}.");
            return BadInput;
        }

        var policy = loaded.Policy;
        stdout.WriteLine($"{path}: ok — policy '{policy.Name}', {Plural(policy.Locks.Count, "lock")}, {Plural(policy.Exclusions.Count, "exclusion")}.");
        return Ok;
    }

    private static int Explain(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        if (!TryOptions(args, ["json"], out var options, out var optionError))
        {
            return Fail(stderr, optionError);
        }

        var unknown = options.Keys.FirstOrDefault(k => k is not ("json" or "policy") && !GateQuestion.Parameters.Contains(k));
        if (unknown is not null)
        {
            return Fail(stderr, $"--{unknown} is not an option of policy explain.\n{Usage}");
        }

        if (LoadPolicy(options, stderr) is not { } loaded)
        {
            return BadInput;
        }

        var now = clock.GetUtcNow();
        if (!GateQuestion.TryRead(name => options.GetValueOrDefault(name), now, out var query, out var error))
        {
            return Fail(stderr, error);
        }

        // The CLI has no live state: it answers from the calendar alone, as the gate does when nothing is active.
        var decision = AdmissionEngine.Decide(query, ChangeCalendar.Create(loaded.Policy), LiveState.Quiet, now);
        if (options.ContainsKey("json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(GateAnswer.From(decision), Json));
        }
        else
        {
            WriteExplanation(stdout, query, decision, loaded.Policy.Zone, now);
        }

        return decision.Allowed ? Ok : Blocked;
    }

    private static void WriteExplanation(TextWriter stdout, AdmissionQuery query, AdmissionDecision decision, TimeZoneInfo zone, DateTimeOffset now)
    {
        var change = $"{query.Type.ToString().ToLowerInvariant()} {query.Criticality} change at {PolicyText.At(query.Start, zone)} for {DurationText.Format(query.Duration)}";
        if (decision.Allowed)
        {
            stdout.WriteLine($"allowed: {change} (policy '{decision.Policy}')");
        }
        else
        {
            var until = decision.NextAllowedAt is { } next
                ? $"until {PolicyText.At(next, zone)} ({Relative(next, now)})"
                : decision.WaitingFor.Count > 0
                    ? $"until {string.Join(" and ", decision.WaitingFor)} clear{(decision.WaitingFor.Count == 1 ? "s" : string.Empty)}: live state or an approval lifts it, not the calendar, so no time can be predicted"
                    : "with no allowed start in the search horizon";
            stdout.WriteLine($"blocked: {string.Join(", ", decision.Reasons.Select(r => r.Rule).Distinct())} {until} — {change} (policy '{decision.Policy}')");
        }

        foreach (var reason in decision.Reasons)
        {
            stdout.WriteLine($"  ✗ {reason.Rule}: {reason.Message}");
        }

        foreach (var condition in decision.Conditions)
        {
            stdout.WriteLine($"  ! {condition.Rule}: {condition.Message}");
        }

        if (decision.WaitingFor.Count > 0)
        {
            stdout.WriteLine($"  waiting for: {string.Join(", ", decision.WaitingFor)}");
        }
    }

    private static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var span = at - now;
        var text = span.Duration().Humanize(maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute, culture: CultureInfo.InvariantCulture);
        return span >= TimeSpan.Zero ? $"in {text}" : $"{text} ago";
    }

    private static int Calendar(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!TryOptions(args, [], out var options, out var optionError))
        {
            return Fail(stderr, optionError);
        }

        var unknown = options.Keys.FirstOrDefault(k => k is not ("from" or "days" or "policy"));
        if (unknown is not null)
        {
            return Fail(stderr, $"--{unknown} is not an option of policy calendar.\n{Usage}");
        }

        if (!options.TryGetValue("from", out var fromText) || !DateOnly.TryParseExact(fromText.Length >= 10 ? fromText[..10] : fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            return Fail(stderr, "--from is required as an ISO date, e.g. --from 2026-12-01.");
        }

        if (!options.TryGetValue("days", out var daysText) || !int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 366)
        {
            return Fail(stderr, "--days is required: a whole number from 1 to 366.");
        }

        if (LoadPolicy(options, stderr) is not { } loaded)
        {
            return BadInput;
        }

        PolicyCalendarView.Write(stdout, ChangeCalendar.Create(loaded.Policy), from, days);
        return Ok;
    }

    private static LoadedPolicy? LoadPolicy(Dictionary<string, string> options, TextWriter stderr)
    {
        var path = options.TryGetValue("policy", out var p) ? p : PolicyFileReader.DefaultPath;
        var (loaded, errors) = PolicyFileReader.Read(path);
        foreach (var error in errors)
        {
            stderr.WriteLine(error);
        }

        return loaded;
    }

    private static bool TryOptions(string[] args, string[] flags, out Dictionary<string, string> options, out string error)
    {
        options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                error = $"'{args[i]}' is not an option: options look like --name value.\n{Usage}";
                return false;
            }

            var name = args[i][2..];
            if (flags.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                options[name] = "true";
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"--{name} needs a value.";
                return false;
            }

            options[name] = args[++i];
        }

        return true;
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        return BadInput;
    }
}
