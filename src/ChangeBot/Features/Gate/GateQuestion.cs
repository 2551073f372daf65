using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Gate;

/// <summary>
/// Reads the gate's parameters (from a query string or the CLI's options, by the same names) into an
/// <see cref="AdmissionQuery"/>; a value that does not parse gives an error naming the parameter.
/// </summary>
public static class GateQuestion
{
    public static readonly IReadOnlyList<string> Parameters =
        ["type", "criticality", "at", "duration", "services", "environment", "change", "incident", "exception", "approvals", "canary"];

    /// <summary>What a question about a filed change may give besides the change: the rest comes from the change.</summary>
    private static readonly string[] ChangeParameters = ["change", "at", "exception", "canary"];

    private static readonly Dictionary<string, ApproverRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["incident-commander"] = ApproverRole.IncidentCommander,
        ["imoc"] = ApproverRole.IncidentCommander,
        ["eoc"] = ApproverRole.Eoc,
        ["vpe"] = ApproverRole.Vpe,
        ["director"] = ApproverRole.Director,
        ["reliability-manager"] = ApproverRole.ReliabilityManager,
    };

    public static bool TryRead(
        Func<string, string?> get,
        DateTimeOffset now,
        [NotNullWhen(true)] out AdmissionQuery? query,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(get);
        query = null;
        var type = ChangeType.Normal;
        if (get("type") is { Length: > 0 } t && !TryEnum(t, out type))
        {
            error = $"type '{t}' is not a change type: use standard, normal or emergency.";
            return false;
        }

        var c = get("criticality");
        if (string.IsNullOrWhiteSpace(c))
        {
            error = "criticality is required: C1, C2, C3 or C4.";
            return false;
        }

        if (!TryEnum(c, out Criticality criticality))
        {
            error = $"criticality '{c}' is not one of C1, C2, C3, C4.";
            return false;
        }

        if (!TryStart(get, now, out var start, out error))
        {
            return false;
        }

        var duration = TimeSpan.FromMinutes(30);
        if (get("duration") is { Length: > 0 } d && (!DurationText.TryParse(d, out duration, out var durationError) || duration <= TimeSpan.Zero))
        {
            error = $"duration '{d}': {durationError ?? "it must be longer than zero."}";
            return false;
        }

        if (!TryChange(get, out var change, out error) || !TryException(get, out var exception, out error))
        {
            return false;
        }

        var approvals = new HashSet<ApproverRole>();
        foreach (var role in List(get("approvals")))
        {
            if (!Roles.TryGetValue(role, out var r))
            {
                error = $"approvals '{role}' is not a role: use {string.Join(", ", Roles.Keys)}.";
                return false;
            }

            approvals.Add(r);
        }

        if (!TryCanary(get, out var canary, out error))
        {
            return false;
        }

        query = new AdmissionQuery
        {
            CanaryOnly = canary,
            Type = type,
            Criticality = criticality,
            Start = start,
            Duration = duration,
            Services = List(get("services")),
            Environment = get("environment") is { Length: > 0 } env ? env.Trim() : "production",
            ChangeId = change,
            IncidentId = get("incident") is { Length: > 0 } inc ? inc.Trim() : null,
            Exception = exception,
            Approvals = approvals,
        };
        error = null;
        return true;
    }

    /// <summary>The change named by the <c>change</c> parameter, if any; false (with the error) when it does not parse.</summary>
    public static bool TryChange(Func<string, string?> get, out ChangeId? change, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(get);
        change = null;
        error = null;
        if (get("change") is not { Length: > 0 } ch)
        {
            return true;
        }

        if (!ChangeId.TryParse(ch, out var id))
        {
            error = $"change '{ch}' is not a change id: expected CR-YYYY-NNNN.";
            return false;
        }

        change = id;
        return true;
    }

    /// <summary>
    /// The question for a filed change: its current revision answers for the type, criticality, services, environment,
    /// duration, incident and approvals, and its recorded overrides and lock exceptions apply; the caller gives only
    /// <c>at</c>, <c>canary</c> and a claimed <c>exception</c>. Any other parameter is an error, not silently ignored.
    /// </summary>
    public static bool TryReadFor(
        ChangeRequest change,
        IReadOnlyList<AdmissionOverride> overrides,
        IReadOnlyList<LockExceptionGrant> lockExceptions,
        Func<string, string?> get,
        DateTimeOffset now,
        [NotNullWhen(true)] out AdmissionQuery? query,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(get);
        query = null;
        if (Parameters.Except(ChangeParameters).FirstOrDefault(name => get(name) is { Length: > 0 }) is { } given)
        {
            error = $"{given} is read from {change.Id} when change is given: leave it out, or leave out change to ask about a change that is not filed.";
            return false;
        }

        if (!TryStart(get, now, out var start, out error) || !TryException(get, out var exception, out error) || !TryCanary(get, out var canary, out error))
        {
            return false;
        }

        query = AdmissionQuery.For(change, start, overrides, exception, lockExceptions) with { CanaryOnly = canary };
        return true;
    }

    private static bool TryStart(Func<string, string?> get, DateTimeOffset now, out DateTimeOffset start, [NotNullWhen(false)] out string? error)
    {
        start = now;
        error = null;
        if (get("at") is { Length: > 0 } at && !TryInstant(at, out start))
        {
            error = $"at '{at}' is not an ISO 8601 time with a zone, e.g. 2026-12-02T03:00:00Z.";
            return false;
        }

        return true;
    }

    private static bool TryException(Func<string, string?> get, out ExceptionCategory? exception, [NotNullWhen(false)] out string? error)
    {
        exception = null;
        error = null;
        if (get("exception") is not { Length: > 0 } ex)
        {
            return true;
        }

        if (!ExceptionCategoryText.TryParse(ex, out var category))
        {
            error = $"exception '{ex}' is not one of {string.Join(", ", ExceptionCategoryText.Keys)}.";
            return false;
        }

        exception = category;
        return true;
    }

    private static bool TryCanary(Func<string, string?> get, out bool canary, [NotNullWhen(false)] out string? error)
    {
        canary = false;
        error = null;
        if (get("canary") is { Length: > 0 } cn && !bool.TryParse(cn, out canary))
        {
            error = $"canary '{cn}' must be true or false.";
            return false;
        }

        return true;
    }

    private static string[] List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static bool TryEnum<T>(string text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text.Trim()[0]);

    private static bool TryInstant(string text, out DateTimeOffset instant)
    {
        // A '+' left unencoded in a query string arrives as a space: put it back before parsing the offset.
        var value = text.Trim().Replace(' ', '+');
        var hasZone = value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 10 && value.LastIndexOfAny(['+', '-']) > 10);
        instant = default;
        return hasZone && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }
}
