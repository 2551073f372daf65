using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Domain.Admission;

/// <summary>
/// Decides whether a change may start, with every reason, the conditions attached and the next allowed start.
/// Pure: the calendar, the live state and <c>now</c> (for override expiry) are all passed in.
/// </summary>
public static class AdmissionEngine
{
    public static AdmissionDecision Decide(AdmissionQuery query, ChangeCalendar calendar, LiveState live, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(live);

        var conditions = new List<AdmissionCondition>();
        var blocks = Evaluate(query, calendar, live, now, conditions);
        var reasons = blocks.Select(b => b.Reason).ToList();
        var next = reasons.Count == 0 ? query.Start : NextAllowed(query, calendar, live, now, blocks);
        var waitingFor = blocks.Where(b => b.ClearsAt is null).Select(b => b.Reason.Rule).Distinct(StringComparer.Ordinal).ToList();
        return new AdmissionDecision(reasons, conditions, next, calendar.Policy.Name) { WaitingFor = waitingFor };
    }

    /// <summary>
    /// Jumps forward to the latest moment any current block could lift (each block's clearing time is a lower bound
    /// on when it lifts), re-checks there, and repeats. A block only a change of live state can lift ends the search.
    /// </summary>
    private static DateTimeOffset? NextAllowed(
        AdmissionQuery query, ChangeCalendar calendar, LiveState live, DateTimeOffset now, List<Block> blocks)
    {
        var limit = query.Start + calendar.Policy.SearchHorizon;
        var at = query.Start;
        while (true)
        {
            if (blocks.Count == 0)
            {
                return at;
            }

            if (blocks.Any(b => b.ClearsAt is null))
            {
                return null;
            }

            var candidate = blocks.Max(b => b.ClearsAt!.Value);
            at = candidate > at ? candidate : at.AddMinutes(1);
            if (at > limit)
            {
                return null;
            }

            blocks = Evaluate(query with { Start = at }, calendar, live, now, conditions: null);
        }
    }

    private static List<Block> Evaluate(
        AdmissionQuery query, ChangeCalendar calendar, LiveState live, DateTimeOffset now, List<AdmissionCondition>? conditions)
    {
        var check = new Check(query, calendar.Policy, now, conditions);
        var policy = calendar.Policy;

        check.Window(policy.WindowFor(query.Type), AdmissionRuleIds.Window(query.Type), $"{query.Type.ToString().ToLowerInvariant()}-change window");
        if (policy.SlotsApplyTo.Contains(query.Type))
        {
            check.Window(policy.SlotFor(query.Criticality), AdmissionRuleIds.Slot(query.Criticality), $"{query.Criticality} slot");
        }

        var occurrences = new List<CalendarOccurrence>();
        calendar.Collect(query.Period, occurrences);
        occurrences.Sort((a, b) => a.Period.Start.CompareTo(b.Period.Start));
        foreach (var occurrence in occurrences)
        {
            switch (occurrence.Entry)
            {
                case ChangeLock changeLock:
                    check.Lock(changeLock, occurrence.Period, live);
                    break;
                case CalendarExclusion exclusion:
                    check.Exclusion(exclusion, occurrence.Period);
                    break;
            }
        }

        check.EmergencyApproval();
        check.Incidents(live);
        check.Serialisation(live);
        check.Monitoring(live);
        check.Conflicts(live);
        return check.Blocks;
    }

    /// <summary>A reason that stops the change, and the earliest time it could lift (null: only live state can lift it).</summary>
    private sealed record Block(AdmissionReason Reason, DateTimeOffset? ClearsAt);

    /// <summary>One evaluation at one start time: collects blocks (minus overridden ones) and conditions.</summary>
    private sealed class Check(AdmissionQuery query, ChangePolicy policy, DateTimeOffset now, List<AdmissionCondition>? conditions)
    {
        private readonly TimeInterval _period = query.Period;

        public List<Block> Blocks { get; } = [];

        private bool IsEmergency => query.Type == ChangeType.Emergency;

        public void Window(ChangeWindow window, string rule, string label)
        {
            if (window.AlwaysOpen)
            {
                return;
            }

            if (window.OpeningAt(query.Start) is not { } opening)
            {
                var next = window.NextOpeningAfter(query.Start);
                var when = next is { } n ? $" The next one opens {At(n, window.Zone)}." : string.Empty;
                Block(rule, $"{At(query.Start, window.Zone)} is outside the {label} ({window}).{when}", next);
                return;
            }

            if (_period.End > opening.End)
            {
                var latest = opening.End - query.Duration;
                var advice = latest >= opening.Start
                    ? $"start by {At(latest, window.Zone)} or shorten it"
                    : $"the window is only {DurationText.Format(opening.Length)} long, so shorten it or split it";
                Block(
                    AdmissionRuleIds.DurationWindow,
                    $"A {DurationText.Format(query.Duration)} change starting {At(query.Start, window.Zone)} would end after the {label} closes at {At(opening.End, window.Zone)}: {advice}.",
                    window.NextOpeningAfter(opening.End));
            }
        }

        public void Lock(ChangeLock changeLock, TimeInterval occurrence, LiveState live)
        {
            if (!changeLock.Scope.Covers(query.Environment, query.Services))
            {
                return;
            }

            var until = $"until {At(occurrence.End, changeLock.Zone)}";
            if (IsEmergency)
            {
                if (changeLock.Strength == LockStrength.Soft)
                {
                    Condition(AdmissionRuleIds.Emergency, $"Emergency during the {changeLock.Title} ({until}): the EOC coordinates with the IMOC.");
                    return;
                }

                var missing = changeLock.EmergencyApprovers.Where(r => !query.Approvals.Contains(r)).ToList();
                if (missing.Count == 0)
                {
                    var informed = changeLock.Informed.Count == 0 ? string.Empty : $"; inform the {Roles(changeLock.Informed)}";
                    Condition(AdmissionRuleIds.Emergency, $"Emergency during the {changeLock.Title} ({until}), approved by the {Roles(changeLock.EmergencyApprovers)}{informed}.");
                    return;
                }

                LockBlock(changeLock, occurrence, $"An emergency during it needs approval from the {Roles(changeLock.EmergencyApprovers)} (missing: {Roles(missing)}).");
                return;
            }

            if (query.CanaryOnly && changeLock.Strength == LockStrength.Soft && changeLock.AllowsCanary && changeLock.Blocks(query.Criticality))
            {
                Condition(changeLock.RuleId, $"The {changeLock.Title} is in force {until}: canary deploys may run; {changeLock.Condition}.");
                return;
            }

            if (!changeLock.Blocks(query.Criticality))
            {
                Condition(changeLock.RuleId, $"The {changeLock.Title} is in force {until}: {changeLock.Condition}.");
                return;
            }

            if (query.LockExceptions.FirstOrDefault(e => e.Lets(query.ChangeId, changeLock, occurrence, now)) is { } granted)
            {
                if (granted.Category != ExceptionCategory.ActiveIncidentFix || IsLinkedToActiveIncident(live))
                {
                    Condition(AdmissionRuleIds.Exception, $"Runs during the {changeLock.Title} ({until}) under an exception for {ExceptionCategoryText.Describe(granted.Category)}, approved by {granted.ApprovedBy} ({changeLock.ExceptionApprover.Describe()}); other locks and rules still apply.");
                    return;
                }

                LockBlock(changeLock, occurrence, $"Its approved exception is for {ExceptionCategoryText.Describe(granted.Category)}, but it is linked to no incident that is active.");
                return;
            }

            if (query.Exception is { } claimed && changeLock.Exceptions.Contains(claimed))
            {
                var approved = query.Approvals.Contains(changeLock.ExceptionApprover);
                var incidentOk = claimed != ExceptionCategory.ActiveIncidentFix || IsLinkedToActiveIncident(live);
                if (approved && incidentOk)
                {
                    Condition(AdmissionRuleIds.Exception, $"Runs during the {changeLock.Title} as {ExceptionCategoryText.Describe(claimed)}, approved by the {changeLock.ExceptionApprover.Describe()}.");
                    return;
                }

                var missing = !approved
                    ? $"an exception for {ExceptionCategoryText.Describe(claimed)} needs the {changeLock.ExceptionApprover.Describe()}'s approval"
                    : "an active-incident fix must be linked to an incident that is active";
                LockBlock(changeLock, occurrence, $"It claims an exception, but {missing}.");
                return;
            }

            var blocked = changeLock.Strength == LockStrength.Hard
                ? "every change"
                : string.Join(" and ", changeLock.BlockedCriticalities.Order()) + " changes";
            var ways = new List<string>();
            if (changeLock.Strength == LockStrength.Hard)
            {
                ways.Add($"an emergency needs the {Roles(changeLock.EmergencyApprovers)}");
            }

            if (changeLock.Exceptions.Count > 0)
            {
                ways.Add($"exceptions ({string.Join(", ", changeLock.Exceptions.Order().Select(ExceptionCategoryText.Key))}) need the {changeLock.ExceptionApprover.Describe()}");
            }

            var hint = ways.Count == 0 ? string.Empty : $" It blocks {blocked}; {string.Join("; ", ways)}.";
            LockBlock(changeLock, occurrence, hint.Length == 0 ? $"It blocks {blocked}." : hint.TrimStart());
        }

        public void Exclusion(CalendarExclusion exclusion, TimeInterval occurrence)
        {
            if (!exclusion.AppliesTo.Contains(query.Type))
            {
                return;
            }

            var zone = exclusion.Zone;
            var types = string.Join(" and ", exclusion.AppliesTo.Order().Select(t => t.ToString().ToLowerInvariant()));
            var what = exclusion.Kind == ExclusionKind.MajorRelease && exclusion.ReleaseAt is { } release
                ? $"No {types} change may run within {(occurrence.End - release).TotalHours:0} h of major release '{exclusion.Name}' ({At(release, zone)})"
                : $"No {types} change may run during the {exclusion.Title}";
            var span = $"{At(occurrence.Start, zone)} to {At(occurrence.End, zone)}";
            if (occurrence.Contains(query.Start))
            {
                Block(exclusion.RuleId, $"{what}: blocked from {span}.", occurrence.End);
            }
            else
            {
                Block(AdmissionRuleIds.DurationLock, $"{what}, which begins {At(occurrence.Start, zone)}, before this change would end ({At(_period.End, zone)}): start after {At(occurrence.End, zone)} or shorten it.", occurrence.End);
            }
        }

        public void EmergencyApproval()
        {
            if (IsEmergency && !query.Approvals.Contains(policy.EmergencyApprover))
            {
                Block(AdmissionRuleIds.Emergency, $"An emergency change needs the {policy.EmergencyApprover.Describe()}'s approval before it starts.", null);
            }
        }

        public void Incidents(LiveState live)
        {
            var blocking = live.Incidents.Where(i => policy.Incidents.Blocking.Contains(i.Severity)).ToList();
            if (blocking.Count > 0)
            {
                var names = string.Join(", ", blocking.Select(i => $"{i.Id} ({i.Severity})"));
                if (IsEmergency && IsLinkedTo(blocking))
                {
                    Condition(AdmissionRuleIds.IncidentActive, $"This emergency change is the fix for active incident {query.IncidentId}.");
                }
                else
                {
                    Block(AdmissionRuleIds.IncidentActive, $"Incident {names} is active: only an emergency change linked to it may start. Wait until it is resolved, or file the fix as an emergency linked to it.", null);
                }
            }

            foreach (var minor in live.Incidents.Where(i => policy.Incidents.Warning.Contains(i.Severity)))
            {
                Condition(AdmissionRuleIds.IncidentMinor, $"Incident {minor.Id} ({minor.Severity}) is active: watch it while you change.");
            }
        }

        public void Serialisation(LiveState live)
        {
            var others = live.InProgress.Where(c => c.Id != query.ChangeId).ToList();
            var exclusive = policy.Serialisation.Exclusive;
            var blockers = exclusive.Contains(query.Criticality) ? others.Where(c => exclusive.Contains(c.Criticality)).ToList() : [];
            if (blockers.Count > 0 && policy.Serialisation.Exempt.Contains(query.Type))
            {
                Condition(
                    AdmissionRuleIds.Concurrent,
                    $"Also running: {Describe(blockers)}. {string.Join(" and ", exclusive.Order())} changes normally run one at a time, but a {query.Type.ToString().ToLowerInvariant()} change is not held back: coordinate with their executors.");
                blockers = [];
                others = [.. others.Where(c => !exclusive.Contains(c.Criticality))];
            }

            if (blockers.Count > 0)
            {
                Block(
                    AdmissionRuleIds.Serialisation,
                    $"{Describe(blockers)} in progress: {string.Join(" and ", exclusive.Order())} changes run one at a time. Start once it completes.",
                    null);
            }

            var running = others.Except(blockers).ToList();
            if (running.Count > 0)
            {
                Condition(AdmissionRuleIds.Concurrent, $"Also running: {Describe(running)}.");
            }
        }

        public void Monitoring(LiveState live)
        {
            if (policy.Monitoring.RequireMonitoring && !live.Monitoring.Up && !policy.Monitoring.Exempt.Contains(query.Type))
            {
                var since = live.Monitoring.Since is { } s ? $" since {At(s, policy.Zone)}" : string.Empty;
                Block(AdmissionRuleIds.MonitoringDown, $"Monitoring has been down{since}: no metrics, no changes. Start once it answers again.", null);
            }
        }

        public void Conflicts(LiveState live)
        {
            if (conditions is null || query.Services.Count == 0)
            {
                return;
            }

            var overlapping = live.Scheduled.Overlapping(query.Services, _period, query.ChangeId);
            foreach (var other in overlapping.Take(5))
            {
                var shared = other.Services.Where(s => query.Services.Contains(s, StringComparer.OrdinalIgnoreCase));
                Condition(AdmissionRuleIds.Conflict, $"Conflicts with {other.Id} on {string.Join(", ", shared)}, scheduled {At(other.Period.Start, policy.Zone)} to {At(other.Period.End, policy.Zone)}.");
            }

            if (overlapping.Count > 5)
            {
                Condition(AdmissionRuleIds.Conflict, $"…and {overlapping.Count - 5} more overlapping changes on the same services.");
            }
        }

        private void LockBlock(ChangeLock changeLock, TimeInterval occurrence, string detail)
        {
            var zone = changeLock.Zone;
            if (occurrence.Contains(query.Start))
            {
                Block(changeLock.RuleId, $"The {changeLock.Title} is in force from {At(occurrence.Start, zone)} until {At(occurrence.End, zone)}. {detail}", occurrence.End);
            }
            else
            {
                Block(AdmissionRuleIds.DurationLock, $"The {changeLock.Title} begins {At(occurrence.Start, zone)}, before this change would end ({At(_period.End, zone)}): start after {At(occurrence.End, zone)} or shorten it. {detail}", occurrence.End);
            }
        }

        private void Block(string rule, string message, DateTimeOffset? clearsAt)
        {
            var lifting = query.Overrides.FirstOrDefault(o => o.Lifts(rule, query.ChangeId, now));
            if (lifting is not null)
            {
                Condition(AdmissionRuleIds.Override, $"{rule} lifted for {lifting.ChangeId} by {lifting.By} until {At(lifting.ExpiresAt, policy.Zone)}: {lifting.Why}");
                return;
            }

            if (Blocks.Exists(b => b.Reason.Rule == rule && b.Reason.Message == message))
            {
                return;
            }

            Blocks.Add(new Block(new AdmissionReason(rule, message), clearsAt));
        }

        private void Condition(string rule, string message)
        {
            if (conditions is not null && !conditions.Exists(c => c.Rule == rule && c.Message == message))
            {
                conditions.Add(new AdmissionCondition(rule, message));
            }
        }

        private bool IsLinkedToActiveIncident(LiveState live) => IsLinkedTo(live.Incidents);

        private bool IsLinkedTo(IEnumerable<ActiveIncident> incidents) =>
            query.IncidentId is { } linked && incidents.Any(i => string.Equals(i.Id, linked.Trim(), StringComparison.OrdinalIgnoreCase));

        private static string At(DateTimeOffset instant, TimeZoneInfo zone) => PolicyText.At(instant, zone);

        private static string Roles(IEnumerable<ApproverRole> roles) => string.Join(" and ", roles.Order().Select(r => r.Describe()));

        private static string Describe(IEnumerable<ChangeInProgress> changes) =>
            string.Join(", ", changes.Select(c => c.Services.Count == 0 ? $"{c.Id} ({c.Criticality})" : $"{c.Id} ({c.Criticality}, {string.Join(", ", c.Services)})"));
    }
}
