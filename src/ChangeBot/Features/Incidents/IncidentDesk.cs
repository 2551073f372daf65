using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Deliveries;
using ChangeBot.Data.Operations;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Features.Policy;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// Incidents, whoever reports them (Slack, the API, Alertmanager): stores the report with its audit entry and the
/// announcement in #change in one unit of work, then acts on the rollouts. While an incident of a blocking severity
/// (the policy's, S1/S2 by default) is active, every change rolling out or baking is paused (except the fix linked
/// to that incident) and its executor and the EOC are told in its thread and by DM; admission already refuses new
/// starts through <see cref="StoredActiveIncidents"/>. When the last blocking incident ends, the rollouts it paused
/// are released and the people whose changes waited are told.
/// </summary>
public sealed partial class IncidentDesk(
    ChangeBotStore store,
    IncidentQueries incidents,
    ChangeRequestQueries changes,
    ChangeWorkflow workflow,
    ChangeThread thread,
    IChangeCalendarSource calendar,
    OutboxSignal outbox,
    ILogger<IncidentDesk> logger)
{
    /// <summary>Every pause reason the desk writes starts so; only those pauses are released when incidents end.</summary>
    public const string PausePrefix = "incident ";

    /// <summary>
    /// The end of the last blocking incident releases the pauses it caused, as the EOC would: the domain lets only
    /// the EOC resume, and the seed's rule is "paused until the incident ends or the EOC resumes it".
    /// </summary>
    private static readonly ChangeActor IncidentEnded = new(
        new Actor(ChangeActor.BotName, new HashSet<ApproverRole> { ApproverRole.Eoc, ApproverRole.Admin }),
        ActorSource.Job);

    /// <summary>
    /// How long a notification's <see cref="IncidentReport.DeliveryKey"/> is remembered: long enough for copies sent at
    /// once (a webhook retried, two Alertmanagers of an HA pair), short enough that a repeat notification hours later
    /// is judged on the incident as it then stands.
    /// </summary>
    public static readonly TimeSpan DeliveryKeyKeep = TimeSpan.FromMinutes(15);

    public static string MessageKey(string incidentId) => $"incident/{incidentId}";

    /// <summary>Stores <paramref name="report"/> as <paramref name="actor"/> and pauses or releases rollouts as it requires.</summary>
    public async Task<IncidentOutcome> ReportAsync(IncidentReport report, ChangeActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(actor);
        var id = report.Id.Trim();
        var existing = await incidents.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var severity = report.Severity.ToString();
        var title = report.Title.Trim();
        var kind = (existing, report.IsActive) switch
        {
            (null, true) => IncidentOutcomeKind.Declared,
            (null, false) => IncidentOutcomeKind.RecordedResolved,
            ({ ResolvedAt: null }, true) when existing.Severity == severity && existing.Title == title => IncidentOutcomeKind.Unchanged,
            ({ ResolvedAt: null }, true) => IncidentOutcomeKind.Updated,
            ({ ResolvedAt: null }, false) => IncidentOutcomeKind.Resolved,
            (_, true) => IncidentOutcomeKind.Declared,
            (_, false) => IncidentOutcomeKind.Unchanged,
        };
        if (kind == IncidentOutcomeKind.Unchanged)
        {
            return new IncidentOutcome(existing!, kind, [], []);
        }

        var announcement = Announcement(existing, kind, id, report.Severity, title, actor);
        var stored = await store.WriteAsync<IncidentRecord?>(
            async (unit, token) =>
            {
                // Claimed in the same transaction as the incident: the copy that loses writes and announces nothing.
                if (report.DeliveryKey is { } key && !await unit.TryClaimAsync(DeliveryClaims.Alert, key, DeliveryKeyKeep, token).ConfigureAwait(false))
                {
                    return null;
                }

                var record = new IncidentRecord(
                    id,
                    severity,
                    IncidentStatusText.Of(report.IsActive),
                    title,
                    kind == IncidentOutcomeKind.Declared || existing is null ? unit.Now : existing.StartedAt,
                    report.IsActive ? null : unit.Now,
                    existing?.Source ?? SourceName(actor));
                await unit.Operations.SaveIncidentAsync(record, token).ConfigureAwait(false);
                unit.Audit(AuditEntry.Of(actor.UserId, actor.Source, AuditAction(kind), null, new { incident = id, severity, status = record.Status, title }));
                if (announcement is not null)
                {
                    unit.Enqueue(announcement);
                }

                return record;
            },
            cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            LogDuplicate(logger, id, report.DeliveryKey!);
            var current = await incidents.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"incident {id}'s notification {report.DeliveryKey} was claimed but the incident is not stored");
            return new IncidentOutcome(current, IncidentOutcomeKind.Unchanged, [], []);
        }

        outbox.Notify();
        LogReported(logger, id, severity, kind.ToString(), actor.UserId);

        var blocking = calendar.Current.Policy.Incidents.Blocking;
        IReadOnlyList<ChangeId> paused = report.IsActive && blocking.Contains(report.Severity)
            ? await PauseRolloutsAsync(stored, cancellationToken).ConfigureAwait(false)
            : [];
        IReadOnlyList<ChangeId> released = [];
        if (kind is IncidentOutcomeKind.Resolved or IncidentOutcomeKind.Updated && !(report.IsActive && blocking.Contains(report.Severity)))
        {
            var stillBlocking = (await incidents.ActiveAsync(cancellationToken).ConfigureAwait(false))
                .Any(incident => Enum.TryParse<IncidentSeverity>(incident.Severity, out var s) && blocking.Contains(s));
            if (!stillBlocking)
            {
                released = await ReleaseAsync(stored, cancellationToken).ConfigureAwait(false);
            }
        }

        return new IncidentOutcome(stored, kind, paused, released);
    }

    /// <summary>The EOC lets one paused rollout continue while the incident is still on.</summary>
    public Task<ChangeOutcome<bool>> ResumeAsync(ChangeId id, ChangeActor eoc, CancellationToken cancellationToken) =>
        workflow.RunAsync(
            id,
            eoc,
            null,
            scope =>
            {
                var reason = scope.Change.PauseReason;
                scope.Change.Resume(scope.Actor.Actor);
                scope.Record("change.resumed", $"<@{scope.Actor.UserId}> (EOC) resumed {id}, which was paused because {reason}. <@{scope.Change.Executor}>, the rollout may continue.", new { reason });
                scope.Enqueue(ChangeThread.DirectMessage(scope.Change.Executor, ChangeThread.Text($"<@{scope.Actor.UserId}> (EOC) resumed {id}: the rollout may continue.")));
                return true;
            },
            cancellationToken);

    private async Task<IReadOnlyList<ChangeId>> PauseRolloutsAsync(IncidentRecord incident, CancellationToken cancellationToken)
    {
        var reason = $"{PausePrefix}{incident.Id} ({incident.Severity}) is active: {incident.Title}";
        var paused = new List<ChangeId>();
        foreach (var running in await changes.InProgressAsync(cancellationToken).ConfigureAwait(false))
        {
            var outcome = await workflow.RunAsync(
                running.Id,
                ChangeActor.Job("incidents"),
                null,
                scope =>
                {
                    var change = scope.Change;
                    // The fix for this very incident keeps going: admission let it start for that reason.
                    if (!change.State.IsUnderway() || string.Equals(change.Content.IncidentId?.Trim(), incident.Id, StringComparison.OrdinalIgnoreCase)
                        || !change.Pause(reason, scope.Now))
                    {
                        return false;
                    }

                    var eocs = scope.RoleMembers.GetValueOrDefault(ApproverRole.Eoc) ?? [];
                    var text = $":double_vertical_bar: {change.Id} is paused: {reason}. <@{change.Executor}>, hold the rollout where it is; " +
                        $"stages can't advance until the incident ends or the EOC resumes it with `/change resume {change.Id}`. Rolling back is still allowed.{Mentions(" EOC: ", eocs)}";
                    scope.Record("change.paused", text, new { incident = incident.Id, reason });
                    foreach (var user in new[] { change.Executor }.Concat(eocs).Distinct(StringComparer.Ordinal))
                    {
                        scope.Enqueue(ChangeThread.DirectMessage(user, ChangeThread.Text($"{change.Id} ({change.Title}) is paused: {reason}.")));
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            if (outcome.Value)
            {
                paused.Add(running.Id);
            }
        }

        return paused;
    }

    private async Task<IReadOnlyList<ChangeId>> ReleaseAsync(IncidentRecord incident, CancellationToken cancellationToken)
    {
        var released = new List<ChangeId>();
        foreach (var running in await changes.InProgressAsync(cancellationToken).ConfigureAwait(false))
        {
            var outcome = await workflow.RunAsync(
                running.Id,
                IncidentEnded,
                null,
                scope =>
                {
                    var change = scope.Change;
                    if (!change.IsPaused || change.PauseReason?.StartsWith(PausePrefix, StringComparison.Ordinal) != true)
                    {
                        return false;
                    }

                    change.Resume(scope.Actor.Actor);
                    scope.Record("change.resumed", $":arrow_forward: Incident {incident.Id} is resolved: {change.Id} is no longer paused. <@{change.Executor}>, the rollout may continue.", new { incident = incident.Id });
                    scope.Enqueue(ChangeThread.DirectMessage(change.Executor, ChangeThread.Text($"Incident {incident.Id} is resolved: {change.Id} ({change.Title}) may continue its rollout.")));
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            if (outcome.Value)
            {
                released.Add(running.Id);
            }
        }

        await TellWaitingAsync(incident, released, cancellationToken).ConfigureAwait(false);
        return released;
    }

    /// <summary>Changes booked to start while the incident ran could not start: their executors hear they may now.</summary>
    private async Task TellWaitingAsync(IncidentRecord incident, IReadOnlyList<ChangeId> released, CancellationToken cancellationToken)
    {
        var end = incident.ResolvedAt ?? incident.StartedAt;
        var waited = (await changes.PlannedBetweenAsync(incident.StartedAt, end, cancellationToken).ConfigureAwait(false))
            .Where(change => change.State is ChangeState.Approved or ChangeState.Scheduled && !released.Contains(change.Id))
            .ToList();
        if (waited.Count == 0)
        {
            return;
        }

        await store.WriteAsync(
            (unit, _) =>
            {
                foreach (var change in waited)
                {
                    var text = $"Incident {incident.Id} is resolved: {change.Id} ({change.Title}), which could not start during it, may be started again.";
                    unit.Enqueue(thread.Reply(change.Id, text));
                    unit.Enqueue(ChangeThread.DirectMessage(change.Executor, ChangeThread.Text(text)));
                }

                return Task.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
        outbox.Notify();
    }

    private OutboxMessage? Announcement(IncidentRecord? existing, IncidentOutcomeKind kind, string id, IncidentSeverity severity, string title, ChangeActor actor)
    {
        var by = actor.Source == ActorSource.Slack ? $" by <@{actor.UserId}>" : $" by {SourceName(actor)}";
        var blocking = calendar.Current.Policy.Incidents.Blocking.Contains(severity);
        var consequence = blocking
            ? " Changes can't start (except an emergency fix linked to it) and rollouts in flight are paused."
            : " Changes may start; watch it while you change.";
        var text = kind switch
        {
            IncidentOutcomeKind.Declared => $":rotating_light: Incident {id} ({severity}) declared{by}: {title}.{consequence}",
            IncidentOutcomeKind.Updated => $":rotating_light: Incident {id} is now {severity}{(existing?.Title != title ? $": {title}" : string.Empty)}.{consequence}",
            IncidentOutcomeKind.Resolved => $":white_check_mark: Incident {id} ({existing?.Severity}) resolved{by}: {title}.",
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        string channel;
        try
        {
            channel = thread.ChangeChannel;
        }
        catch (DomainException)
        {
            // The incident still counts for admission; only the announcement has nowhere to go.
            LogNoChannel(logger, id);
            return null;
        }

        // The first declaration is the incident's message in #change; updates and the resolution are replies to it.
        return existing is null || !WasAnnounced(existing)
            ? ChangeThread.PostTo(channel, ChangeThread.Text(text), MessageKey(id))
            : OutboxMessage.Post(channel, OutboxPayload.Of(ChangeThread.Text(text)), threadKey: MessageKey(id));
    }

    /// <summary>
    /// An incident first reported already resolved was stored without a message (it started and ended at the same
    /// instant); declaring it later must post the message its replies hang from.
    /// </summary>
    private static bool WasAnnounced(IncidentRecord incident) => incident.ResolvedAt != incident.StartedAt;

    private static string AuditAction(IncidentOutcomeKind kind) => kind switch
    {
        IncidentOutcomeKind.Declared => "incident.declared",
        IncidentOutcomeKind.Updated => "incident.updated",
        _ => "incident.resolved",
    };

    /// <summary>The incident's source: Slack, or the API client's name (<c>api</c>, <c>alertmanager</c>).</summary>
    private static string SourceName(ChangeActor actor) => actor.Source == ActorSource.Slack ? "slack" : actor.UserId;

    private static string Mentions(string prefix, IReadOnlyList<string> users) =>
        users.Count == 0 ? string.Empty : prefix + string.Join(", ", users.Select(user => $"<@{user}>")) + ".";

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} ({Severity}): {Outcome} by {Actor}")]
    private static partial void LogReported(ILogger logger, string incidentId, string severity, string outcome, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId}: notification {DeliveryKey} was already acted on; this copy changes nothing")]
    private static partial void LogDuplicate(ILogger logger, string incidentId, string deliveryKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} is stored but not announced: Slack:Channels:Change is not set")]
    private static partial void LogNoChannel(ILogger logger, string incidentId);
}
