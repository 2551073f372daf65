using System.Globalization;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Rollout;
using YamlDotNet.RepresentationModel;

namespace ChangeBot.Features.Policy;

/// <summary>
/// Turns the YAML tree into a <see cref="ChangePolicy"/>, collecting every error with its line instead of stopping at
/// the first, so one run of <c>policy check</c> shows all that is wrong. Sections left out keep their defaults.
/// </summary>
internal sealed class PolicyDocument(string file)
{
    private static readonly Dictionary<string, ApproverRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reviewer"] = ApproverRole.Reviewer,
        ["eoc"] = ApproverRole.Eoc,
        ["reliability-manager"] = ApproverRole.ReliabilityManager,
        ["director"] = ApproverRole.Director,
        ["incident-commander"] = ApproverRole.IncidentCommander,
        ["imoc"] = ApproverRole.IncidentCommander,
        ["vpe"] = ApproverRole.Vpe,
        ["admin"] = ApproverRole.Admin,
    };

    private readonly List<PolicyError> _errors = [];
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    public IReadOnlyList<PolicyError> Errors => _errors;

    public ChangePolicy? Read(YamlMappingNode root)
    {
        var keys = Keys(root, "the policy", "name", "timeZone", "windows", "criticalitySlots", "exclusions", "locks",
            "incidents", "serialisation", "monitoring", "approvals", "rollout", "searchHorizon");
        var name = Text(Required(root, keys, "name"), "name");
        if (keys.TryGetValue("timeZone", out var zoneNode))
        {
            _zone = Zone(zoneNode) ?? TimeZoneInfo.Utc;
        }

        var windows = Windows(Required(root, keys, "windows"));
        var (slots, slotsApplyTo) = Slots(Required(root, keys, "criticalitySlots"));
        var exclusions = keys.TryGetValue("exclusions", out var ex) ? Exclusions(ex) : [];
        var locks = keys.TryGetValue("locks", out var l) ? Locks(l) : [];
        var defaults = ChangePolicy.Default;
        var incidents = keys.TryGetValue("incidents", out var inc) ? Incidents(inc) : defaults.Incidents;
        var serialisation = keys.TryGetValue("serialisation", out var ser) ? Serialisation(ser) : defaults.Serialisation;
        var monitoring = keys.TryGetValue("monitoring", out var mon) ? Monitoring(mon) : defaults.Monitoring;
        var approvals = keys.TryGetValue("approvals", out var ap) ? Approvals(ap) : ApprovalRules.Default;
        var rollout = keys.TryGetValue("rollout", out var ro) ? Rollout(ro) : RolloutStageDefinition.Defaults;
        var horizon = keys.TryGetValue("searchHorizon", out var h) ? Duration(h, "searchHorizon") : defaults.SearchHorizon;

        if (_errors.Count > 0 || name is null || windows is null || slots is null || slotsApplyTo is null
            || approvals is null || horizon is null)
        {
            return null;
        }

        return new ChangePolicy
        {
            Name = name,
            Zone = _zone,
            Windows = windows,
            Slots = slots,
            SlotsApplyTo = slotsApplyTo,
            Exclusions = exclusions,
            Locks = locks,
            Incidents = incidents,
            Serialisation = serialisation,
            Monitoring = monitoring,
            Rules = new ChangeRules(approvals, rollout),
            SearchHorizon = horizon.Value,
        };
    }

    private Dictionary<ChangeType, ChangeWindow>? Windows(YamlNode? node)
    {
        if (Map(node, "windows") is not { } map)
        {
            return null;
        }

        var keys = Keys(map, "windows", "standard", "normal", "emergency");
        var windows = new Dictionary<ChangeType, ChangeWindow>();
        foreach (var (key, value) in keys)
        {
            if (Window(value, $"windows.{key}") is { } window)
            {
                windows[Enum.Parse<ChangeType>(key, ignoreCase: true)] = window;
            }
        }

        foreach (var type in Enum.GetValues<ChangeType>().Select(t => t.ToString().ToLowerInvariant()).Where(t => !keys.ContainsKey(t)))
        {
            Error(map, $"windows.{type} is missing: write `always` or a list of spans like `- {{ days: [Tue], from: \"02:00\", to: \"06:00\" }}`.");
        }

        return windows;
    }

    private (Dictionary<Criticality, ChangeWindow>?, HashSet<ChangeType>?) Slots(YamlNode? node)
    {
        if (Map(node, "criticalitySlots") is not { } map)
        {
            return (null, null);
        }

        var keys = Keys(map, "criticalitySlots", "appliesTo", "C1", "C2", "C3", "C4");
        var applies = keys.TryGetValue("appliesTo", out var a) ? EnumSet<ChangeType>(a, "criticalitySlots.appliesTo", "standard, normal, emergency") : [ChangeType.Standard, ChangeType.Normal];
        var slots = new Dictionary<Criticality, ChangeWindow>();
        foreach (var criticality in Enum.GetValues<Criticality>())
        {
            if (!keys.TryGetValue(criticality.ToString(), out var value))
            {
                Error(map, $"criticalitySlots.{criticality} is missing: write `always` or a list of spans.");
                continue;
            }

            if (Window(value, $"criticalitySlots.{criticality}") is { } window)
            {
                slots[criticality] = window;
            }
        }

        return (slots, applies);
    }

    private ChangeWindow? Window(YamlNode node, string path)
    {
        if (node is YamlScalarNode { Value: var text })
        {
            if (string.Equals(text, "always", StringComparison.OrdinalIgnoreCase))
            {
                return ChangeWindow.Always;
            }

            Error(node, $"{path} must be `always` or a list of spans, not '{text}'.");
            return null;
        }

        if (Seq(node, path) is not { } items)
        {
            return null;
        }

        var spans = new List<DailySpan>();
        TimeZoneInfo? zone = null;
        foreach (var item in items)
        {
            if (Map(item, path) is not { } map)
            {
                continue;
            }

            var keys = Keys(map, path, "days", "from", "to", "timeZone");
            var from = Time(Required(map, keys, "from"), $"{path}.from");
            var to = Time(Required(map, keys, "to"), $"{path}.to");
            var days = keys.TryGetValue("days", out var d) ? Days(d, $"{path}.days") : [];
            if (keys.TryGetValue("timeZone", out var z))
            {
                zone = Zone(z);
            }

            if (from is { } f && to is { } t)
            {
                spans.Add(new DailySpan(days, f, t));
            }
        }

        if (items.Count == 0)
        {
            Error(node, $"{path} lists no spans: write `always`, or at least one span.");
            return null;
        }

        return spans.Count == items.Count ? ChangeWindow.Within(zone ?? _zone, spans) : null;
    }

    private List<CalendarExclusion> Exclusions(YamlNode node)
    {
        var result = new List<CalendarExclusion>();
        if (Map(node, "exclusions") is not { } map)
        {
            return result;
        }

        var keys = Keys(map, "exclusions", "majorReleases", "peakTraffic", "holidays");
        if (keys.TryGetValue("majorReleases", out var mr) && Map(mr, "exclusions.majorReleases") is { } releases)
        {
            var k = Keys(releases, "exclusions.majorReleases", "margin", "appliesTo", "releases");
            var margin = k.TryGetValue("margin", out var m) ? Duration(m, "exclusions.majorReleases.margin") : TimeSpan.FromHours(48);
            var applies = AppliesTo(k, "exclusions.majorReleases", ChangeType.Normal);
            foreach (var item in k.TryGetValue("releases", out var list) ? Seq(list, "exclusions.majorReleases.releases") ?? [] : [])
            {
                if (Map(item, "a major release") is not { } release)
                {
                    continue;
                }

                var rk = Keys(release, "a major release", "name", "at");
                var name = Text(Required(release, rk, "name"), "a major release's name");
                var at = Instant(Required(release, rk, "at"), "a major release's `at`");
                if (name is not null && at is { } when && margin is { } margin2)
                {
                    result.Add(CalendarExclusion.MajorRelease(name, when, margin2, applies));
                }
            }
        }

        if (keys.TryGetValue("peakTraffic", out var pt) && Map(pt, "exclusions.peakTraffic") is { } peak)
        {
            var k = Keys(peak, "exclusions.peakTraffic", "appliesTo", "periods");
            var applies = AppliesTo(k, "exclusions.peakTraffic", ChangeType.Normal);
            foreach (var item in k.TryGetValue("periods", out var list) ? Seq(list, "exclusions.peakTraffic.periods") ?? [] : [])
            {
                if (Map(item, "a peak-traffic period") is not { } period)
                {
                    continue;
                }

                var pk = Keys(period, "a peak-traffic period", "name", "from", "to", "days", "timeZone");
                var name = Text(Required(period, pk, "name"), "a peak-traffic period's name");
                var zone = pk.TryGetValue("timeZone", out var z) ? Zone(z) ?? _zone : _zone;
                CalendarSchedule? schedule = pk.ContainsKey("days") || IsClockTime(pk.GetValueOrDefault("from"))
                    ? Weekly(period, pk, "a peak-traffic period")
                    : OneOff(period, pk, "a peak-traffic period");
                if (name is not null && schedule is not null)
                {
                    result.Add(new CalendarExclusion { Kind = ExclusionKind.PeakTraffic, Name = name, Schedule = schedule, Zone = zone, AppliesTo = applies });
                }
            }
        }

        if (keys.TryGetValue("holidays", out var ho) && Map(ho, "exclusions.holidays") is { } holidays)
        {
            var k = Keys(holidays, "exclusions.holidays", "appliesTo", "dates");
            var applies = AppliesTo(k, "exclusions.holidays", ChangeType.Standard, ChangeType.Normal);
            foreach (var item in k.TryGetValue("dates", out var list) ? Seq(list, "exclusions.holidays.dates") ?? [] : [])
            {
                if (Map(item, "a holiday") is not { } holiday)
                {
                    continue;
                }

                var hk = Keys(holiday, "a holiday", "name", "date", "timeZone");
                var name = Text(Required(holiday, hk, "name"), "a holiday's name");
                var zone = hk.TryGetValue("timeZone", out var z) ? Zone(z) ?? _zone : _zone;
                var date = Date(Required(holiday, hk, "date"), "a holiday's date");
                if (name is not null && date is { } day)
                {
                    result.Add(CalendarExclusion.Holiday(name, day, zone, applies));
                }
            }
        }

        return result;
    }

    private List<ChangeLock> Locks(YamlNode node)
    {
        var result = new List<ChangeLock>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in Seq(node, "locks") ?? [])
        {
            if (Map(item, "a lock") is not { } map)
            {
                continue;
            }

            var k = Keys(map, "a lock", "name", "kind", "strength", "every", "from", "to", "timeZone", "scope", "blocks",
                "condition", "allowsCanary", "exceptions", "exceptionApprover", "emergencyApprovers", "inform");
            var name = Text(Required(map, k, "name"), "a lock's name");
            if (name is not null && !names.Add(name))
            {
                Error(k["name"], $"Two locks are named '{name}': lock names must be unique.");
            }

            var what = name is null ? "a lock" : $"lock '{name}'";
            var kind = k.TryGetValue("kind", out var kn) ? OneOf(kn, $"{what}.kind", new Dictionary<string, LockKind>(StringComparer.OrdinalIgnoreCase) { ["pcl"] = LockKind.Pcl, ["freeze"] = LockKind.Freeze }) : LockKind.Pcl;
            var strength = OneOf(Required(map, k, "strength"), $"{what}.strength", new Dictionary<string, LockStrength>(StringComparer.OrdinalIgnoreCase) { ["soft"] = LockStrength.Soft, ["hard"] = LockStrength.Hard });
            var zone = k.TryGetValue("timeZone", out var z) ? Zone(z) ?? _zone : _zone;
            var schedule = LockSchedule(map, k, what);
            var scope = k.TryGetValue("scope", out var sc) ? Scope(sc, what) : LockScope.Everything;
            var defaults = new ChangeLock { Id = "x", Name = "x", Strength = LockStrength.Soft, Schedule = new OneOffSchedule(default) };
            var blocks = k.TryGetValue("blocks", out var b) ? EnumSet<Criticality>(b, $"{what}.blocks", "C1, C2, C3, C4") : defaults.BlockedCriticalities;
            var condition = k.TryGetValue("condition", out var c) ? Text(c, $"{what}.condition") : defaults.Condition;
            var canary = k.TryGetValue("allowsCanary", out var ac) ? Bool(ac, $"{what}.allowsCanary") ?? true : defaults.AllowsCanary;
            var exceptions = k.TryGetValue("exceptions", out var e) ? Exceptions(e, what) : defaults.Exceptions;
            var approver = k.TryGetValue("exceptionApprover", out var ea) ? OneOf(ea, $"{what}.exceptionApprover", Roles) : defaults.ExceptionApprover;
            var emergency = k.TryGetValue("emergencyApprovers", out var em) ? RoleSet(em, $"{what}.emergencyApprovers") : defaults.EmergencyApprovers;
            var inform = k.TryGetValue("inform", out var inf) ? RoleSet(inf, $"{what}.inform") : defaults.Informed;
            if (name is null || kind is null || strength is null || schedule is null || scope is null || condition is null || approver is null)
            {
                continue;
            }

            result.Add(new ChangeLock
            {
                Id = ChangeLock.Slug(name),
                Name = name,
                Kind = kind.Value,
                Strength = strength.Value,
                Schedule = schedule,
                Zone = zone,
                Scope = scope,
                BlockedCriticalities = blocks,
                Condition = condition,
                AllowsCanary = canary,
                Exceptions = exceptions,
                ExceptionApprover = approver.Value,
                EmergencyApprovers = emergency,
                Informed = inform,
            });
        }

        return result;
    }

    private CalendarSchedule? LockSchedule(YamlMappingNode map, Dictionary<string, YamlNode> k, string what)
    {
        if (!k.TryGetValue("every", out var every))
        {
            return OneOff(map, k, what);
        }

        var from = Required(map, k, "from");
        var to = Required(map, k, "to");
        switch ((every as YamlScalarNode)?.Value?.ToLowerInvariant())
        {
            case "month":
                var start = MonthDay(from, $"{what}.from");
                var end = MonthDay(to, $"{what}.to");
                return start is { } s && end is { } e ? new MonthlySchedule(s.Day, s.Time, e.Day, e.Time) : null;
            case "year":
                var yStart = YearDay(from, $"{what}.from");
                var yEnd = YearDay(to, $"{what}.to");
                return yStart is { } ys && yEnd is { } ye ? new YearlySchedule(ys.Month, ys.Day, ys.Time, ye.Month, ye.Day, ye.Time) : null;
            case "week":
                return Weekly(map, k, what);
            default:
                Error(every, $"{what}.every must be month, year or week (or be left out for a one-off lock).");
                return null;
        }
    }

    private OneOffSchedule? OneOff(YamlMappingNode map, Dictionary<string, YamlNode> k, string what)
    {
        var fromNode = Required(map, k, "from");
        var from = Instant(fromNode, $"{what}.from");
        var to = Instant(Required(map, k, "to"), $"{what}.to");
        if (from is not { } f || to is not { } t)
        {
            return null;
        }

        if (t <= f)
        {
            Error(fromNode!, $"{what} must end after it starts ({t:u} is not after {f:u}).");
            return null;
        }

        return new OneOffSchedule(new TimeInterval(f, t));
    }

    private WeeklySchedule? Weekly(YamlMappingNode map, Dictionary<string, YamlNode> k, string what)
    {
        var from = Time(Required(map, k, "from"), $"{what}.from");
        var to = Time(Required(map, k, "to"), $"{what}.to");
        var days = k.TryGetValue("days", out var d) ? Days(d, $"{what}.days") : [];
        return from is { } f && to is { } t ? new WeeklySchedule(new DailySpan(days, f, t)) : null;
    }

    private LockScope? Scope(YamlNode node, string what)
    {
        if (Map(node, $"{what}.scope") is not { } map)
        {
            return null;
        }

        var k = Keys(map, $"{what}.scope", "environments", "services");
        var environments = k.TryGetValue("environments", out var e) ? Texts(e, $"{what}.scope.environments") : [];
        var services = k.TryGetValue("services", out var s) ? Texts(s, $"{what}.scope.services") : [];
        return LockScope.Of(environments, services);
    }

    private HashSet<ExceptionCategory> Exceptions(YamlNode node, string what)
    {
        var result = new HashSet<ExceptionCategory>();
        foreach (var item in Seq(node, $"{what}.exceptions") ?? [])
        {
            if (item is YamlScalarNode { Value: var v } && ExceptionCategoryText.TryParse(v, out var category))
            {
                result.Add(category);
            }
            else
            {
                Error(item, $"'{(item as YamlScalarNode)?.Value}' is not an exception category: use {string.Join(", ", ExceptionCategoryText.Keys)}.");
            }
        }

        return result;
    }

    private IncidentRule Incidents(YamlNode node)
    {
        if (Map(node, "incidents") is not { } map)
        {
            return IncidentRule.Default;
        }

        var k = Keys(map, "incidents", "block", "warn");
        return new IncidentRule(
            k.TryGetValue("block", out var b) ? EnumSet<IncidentSeverity>(b, "incidents.block", "S1, S2, S3, S4") : IncidentRule.Default.Blocking,
            k.TryGetValue("warn", out var w) ? EnumSet<IncidentSeverity>(w, "incidents.warn", "S1, S2, S3, S4") : IncidentRule.Default.Warning);
    }

    private SerialisationRule Serialisation(YamlNode node)
    {
        if (Map(node, "serialisation") is not { } map)
        {
            return SerialisationRule.Default;
        }

        var k = Keys(map, "serialisation", "exclusive", "exempt");
        return new SerialisationRule(
            k.TryGetValue("exclusive", out var e) ? EnumSet<Criticality>(e, "serialisation.exclusive", "C1, C2, C3, C4") : SerialisationRule.Default.Exclusive,
            k.TryGetValue("exempt", out var x) ? EnumSet<ChangeType>(x, "serialisation.exempt", "standard, normal, emergency") : SerialisationRule.Default.Exempt);
    }

    private MonitoringRule Monitoring(YamlNode node)
    {
        if (Map(node, "monitoring") is not { } map)
        {
            return MonitoringRule.Default;
        }

        var k = Keys(map, "monitoring", "required", "exempt");
        return new MonitoringRule(
            k.TryGetValue("required", out var r) ? Bool(r, "monitoring.required") ?? true : true,
            k.TryGetValue("exempt", out var e) ? EnumSet<ChangeType>(e, "monitoring.exempt", "standard, normal, emergency") : MonitoringRule.Default.Exempt);
    }

    private ApprovalRules? Approvals(YamlNode node)
    {
        if (Map(node, "approvals") is not { } map)
        {
            return null;
        }

        var defaults = ApprovalRules.Default;
        var k = Keys(map, "approvals", "riskLevels", "criticalities", "maintenanceReviewQuorum",
            "standardPreApprovedAfterTemplateApproval", "emergencyApprover", "emergencyRetrospectiveDueDays");
        var byRisk = new Dictionary<RiskLevel, RiskLevelApprovals>(defaults.ByRiskLevel);
        if (k.TryGetValue("riskLevels", out var rl) && Map(rl, "approvals.riskLevels") is { } risks)
        {
            foreach (var (key, value) in Keys(risks, "approvals.riskLevels", "low", "medium", "high", "critical"))
            {
                if (Map(value, $"approvals.riskLevels.{key}") is not { } level)
                {
                    continue;
                }

                var lk = Keys(level, $"approvals.riskLevels.{key}", "reviewers", "rollbackOperator", "director");
                byRisk[Enum.Parse<RiskLevel>(key, ignoreCase: true)] = new RiskLevelApprovals(
                    lk.TryGetValue("reviewers", out var r) ? Int(r, $"approvals.riskLevels.{key}.reviewers", 0, 20) ?? 0 : 0,
                    lk.TryGetValue("rollbackOperator", out var ro) && (Bool(ro, "rollbackOperator") ?? false),
                    lk.TryGetValue("director", out var d) && (Bool(d, "director") ?? false));
            }
        }

        var byCriticality = new Dictionary<Criticality, CriticalityApprovals>(defaults.ByCriticality);
        if (k.TryGetValue("criticalities", out var cr) && Map(cr, "approvals.criticalities") is { } crits)
        {
            foreach (var (key, value) in Keys(crits, "approvals.criticalities", "C1", "C2", "C3", "C4"))
            {
                if (Map(value, $"approvals.criticalities.{key}") is not { } c)
                {
                    continue;
                }

                var ck = Keys(c, $"approvals.criticalities.{key}", "reliabilityManager", "eocWritten", "eocBridgeConfirmation", "eocAcknowledgement", "announceInProduction");
                bool Flag(string name) => ck.TryGetValue(name, out var n) && (Bool(n, $"approvals.criticalities.{key}.{name}") ?? false);
                byCriticality[Enum.Parse<Criticality>(key)] = new CriticalityApprovals(
                    Flag("reliabilityManager"), Flag("eocWritten"), Flag("eocBridgeConfirmation"), Flag("eocAcknowledgement"), Flag("announceInProduction"));
            }
        }

        return new ApprovalRules
        {
            ByRiskLevel = byRisk,
            ByCriticality = byCriticality,
            MaintenanceReviewQuorum = k.TryGetValue("maintenanceReviewQuorum", out var q) ? Int(q, "approvals.maintenanceReviewQuorum", 1, 20) ?? 3 : defaults.MaintenanceReviewQuorum,
            StandardPreApprovedAfterTemplateApproval = k.TryGetValue("standardPreApprovedAfterTemplateApproval", out var s) ? Bool(s, "approvals.standardPreApprovedAfterTemplateApproval") ?? true : defaults.StandardPreApprovedAfterTemplateApproval,
            EmergencyApprover = k.TryGetValue("emergencyApprover", out var ea) ? OneOf(ea, "approvals.emergencyApprover", Roles) ?? defaults.EmergencyApprover : defaults.EmergencyApprover,
            EmergencyRetrospectiveDueDays = k.TryGetValue("emergencyRetrospectiveDueDays", out var rd) ? Int(rd, "approvals.emergencyRetrospectiveDueDays", 0, 365) ?? 2 : defaults.EmergencyRetrospectiveDueDays,
        };
    }

    private List<RolloutStageDefinition> Rollout(YamlNode node)
    {
        var stages = new List<RolloutStageDefinition>();
        foreach (var item in Seq(node, "rollout") ?? [])
        {
            if (Map(item, "a rollout stage") is not { } map)
            {
                continue;
            }

            var k = Keys(map, "a rollout stage", "stage", "percent", "minimumMonitoring");
            var name = Text(Required(map, k, "stage"), "a rollout stage's name");
            var percent = Int(Required(map, k, "percent"), $"stage '{name}' percent", 1, 100);
            var minimum = Duration(Required(map, k, "minimumMonitoring"), $"stage '{name}' minimumMonitoring");
            if (name is not null && percent is { } p && minimum is { } m)
            {
                stages.Add(new RolloutStageDefinition(name, p, m));
            }
        }

        return stages;
    }

    private HashSet<ChangeType> AppliesTo(Dictionary<string, YamlNode> keys, string path, params ChangeType[] defaults) =>
        keys.TryGetValue("appliesTo", out var node)
            ? EnumSet<ChangeType>(node, $"{path}.appliesTo", "standard, normal, emergency")
            : [.. defaults];

    // ---- scalars ----
    private Dictionary<string, YamlNode> Keys(YamlMappingNode map, string path, params string[] allowed)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var known = allowed.FirstOrDefault(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                Error(keyNode, $"'{key}' is not a key of {path}: use {string.Join(", ", allowed)}.");
            }
            else if (!result.TryAdd(known, value))
            {
                Error(keyNode, $"'{key}' appears twice in {path}.");
            }
        }

        return result;
    }

    private YamlNode? Required(YamlMappingNode map, Dictionary<string, YamlNode> keys, string key)
    {
        if (keys.TryGetValue(key, out var node))
        {
            return node;
        }

        Error(map, $"'{key}' is required here.");
        return null;
    }

    private YamlMappingNode? Map(YamlNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node, $"{path} must be a mapping (key: value lines).");
        return null;
    }

    private List<YamlNode>? Seq(YamlNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlSequenceNode seq)
        {
            return [.. seq.Children];
        }

        Error(node, $"{path} must be a list (`- item` lines or [a, b]).");
        return null;
    }

    private string? Text(YamlNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        Error(node, $"{path} must be some text.");
        return null;
    }

    private List<string> Texts(YamlNode node, string path) =>
        [.. (Seq(node, path) ?? []).Select(n => Text(n, path)).OfType<string>()];

    private TimeZoneInfo? Zone(YamlNode node)
    {
        var id = Text(node, "timeZone");
        if (id is null)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            Error(node, $"'{id}' is not a time zone: use an IANA id such as UTC or Europe/Berlin.");
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            Error(node, $"The time zone data for '{id}' is broken on this machine.");
            return null;
        }
    }

    private TimeOnly? Time(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Error(node!, $"{path} '{text}' is not a time of day: write it as HH:mm, e.g. \"02:00\".");
        return null;
    }

    private static bool IsClockTime(YamlNode? node) =>
        node is YamlScalarNode { Value: { } v } && TimeOnly.TryParseExact(v.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private DateTimeOffset? Instant(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (text.Length > 10 && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        Error(node!, $"{path} '{text}' is not an instant: write ISO 8601 with a zone, e.g. 2026-12-24T09:00:00Z.");
        return null;
    }

    private DateOnly? Date(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(node!, $"{path} '{text}' is not a date: write it as YYYY-MM-DD.");
        return null;
    }

    private (int Day, TimeOnly Time)? MonthDay(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
            && TimeOnly.TryParseExact(parts[1], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (day, time);
        }

        Error(node!, $"{path} '{text}' is not a day of the month and a time: write \"DD HH:mm\", e.g. \"22 09:00\".");
        return null;
    }

    private (int Month, int Day, TimeOnly Time)? YearDay(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && DateOnly.TryParseExact("2000-" + parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && TimeOnly.TryParseExact(parts[1], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (date.Month, date.Day, time);
        }

        Error(node!, $"{path} '{text}' is not a date in the year and a time: write \"MM-DD HH:mm\", e.g. \"12-24 09:00\".");
        return null;
    }

    private TimeSpan? Duration(YamlNode? node, string path)
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var duration, out var error))
        {
            return duration;
        }

        Error(node!, $"{path}: {error}");
        return null;
    }

    private int? Int(YamlNode? node, string path, int min, int max)
    {
        var text = Text(node, path);
        if (text is not null && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        if (node is not null)
        {
            Error(node, $"{path} must be a whole number from {min} to {max}, not '{text}'.");
        }

        return null;
    }

    private bool? Bool(YamlNode node, string path)
    {
        var text = Text(node, path);
        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node, $"{path} must be true or false, not '{text}'.");
        return null;
    }

    private T? OneOf<T>(YamlNode? node, string path, Dictionary<string, T> choices)
        where T : struct
    {
        var text = Text(node, path);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(node!, $"{path} '{text}' is not one of {string.Join(", ", choices.Keys)}.");
        return null;
    }

    private HashSet<T> EnumSet<T>(YamlNode node, string path, string expected)
        where T : struct, Enum
    {
        var result = new HashSet<T>();
        foreach (var item in Seq(node, path) ?? [])
        {
            var text = (item as YamlScalarNode)?.Value?.Trim();
            if (text is not null && !int.TryParse(text, CultureInfo.InvariantCulture, out _) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                result.Add(value);
            }
            else
            {
                Error(item, $"'{text}' in {path} is not one of {expected}.");
            }
        }

        return result;
    }

    private HashSet<ApproverRole> RoleSet(YamlNode node, string path)
    {
        var result = new HashSet<ApproverRole>();
        foreach (var item in Seq(node, path) ?? [])
        {
            var text = (item as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            if (Roles.TryGetValue(text, out var role))
            {
                result.Add(role);
            }
            else
            {
                Error(item, $"'{text}' in {path} is not a role: use {string.Join(", ", Roles.Keys)}.");
            }
        }

        return result;
    }

    private HashSet<DayOfWeek> Days(YamlNode node, string path)
    {
        var result = new HashSet<DayOfWeek>();
        foreach (var item in Seq(node, path) ?? [])
        {
            var text = (item as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
            var day = Enum.GetValues<DayOfWeek>().Where(d => text.Length >= 3 && d.ToString().StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
            if (day.Count == 1)
            {
                result.Add(day[0]);
            }
            else
            {
                Error(item, $"'{text}' in {path} is not a day: use Mon, Tue, Wed, Thu, Fri, Sat, Sun.");
            }
        }

        return result;
    }

    private void Error(YamlNode node, string message) =>
        _errors.Add(new PolicyError(file, (int)node.Start.Line, (int)node.Start.Column, message));
}
