using System.Collections.Concurrent;
using System.Text.Json;
using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Triggers;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Monitoring;
using ChangeBot.Features.Outbox;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// One round of rollback-trigger watching over every change rolling out or baking: at its first round for a
/// revision it posts the manual-review triggers as a checklist in the thread; then it runs the monitoring slice's
/// <see cref="RollbackTriggerRunner"/> and announces each firing in the thread (with a Roll back button) and by DM
/// to the executor and the EOC. Each announcement is an audit entry (<c>change.rollback_triggered</c>,
/// <c>change.trigger_checklist_posted</c>), and what the audit log holds is never announced again, so a restart
/// does not repeat one. A trigger is announced once per revision of a change.
/// </summary>
public sealed partial class RollbackTriggerAnnouncer(
    ChangeBotStore store,
    ChangeRequestQueries changes,
    AuditActionQueries audit,
    RollbackTriggerRunner runner,
    ChangeThread thread,
    RoleDirectory roles,
    OutboxSignal outbox,
    ILogger<RollbackTriggerAnnouncer> logger) : IDisposable
{
    public const string TriggeredAction = "change.rollback_triggered";
    public const string ChecklistAction = "change.trigger_checklist_posted";

    /// <summary>The fail-safe's key in the announced set: it has no trigger of its own.</summary>
    private const string FailSafeKey = "monitoring data unavailable";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<ChangeId, Announced> _announced = new();
    private readonly SemaphoreSlim _round = new(1, 1);

    /// <summary>Evaluates every change underway once; returns the firings it announced this round.</summary>
    public async Task<IReadOnlyList<(ChangeId Change, RollbackFiring Firing)>> RunOnceAsync(CancellationToken cancellationToken)
    {
        // One round at a time (the worker and an on-demand caller), so nothing is announced twice.
        await _round.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RoundAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _round.Release();
        }
    }

    public void Dispose() => _round.Dispose();

    private async Task<IReadOnlyList<(ChangeId Change, RollbackFiring Firing)>> RoundAsync(CancellationToken cancellationToken)
    {
        var announced = new List<(ChangeId, RollbackFiring)>();
        var underway = await changes.InProgressAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in _announced.Keys.Except(underway.Select(change => change.Id)))
        {
            _announced.TryRemove(id, out _);
        }

        foreach (var summary in underway)
        {
            var stored = await store.GetAsync(summary.Id, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                continue;
            }

            var change = stored.Change;
            var done = await AnnouncedAsync(change.Id, cancellationToken).ConfigureAwait(false);
            var watch = runner.WatchFor(change);
            if (watch.ForPeople.Count > 0 && done.Checklists.Add(change.Revision))
            {
                await PostChecklistAsync(change, watch.ForPeople, cancellationToken).ConfigureAwait(false);
            }

            IReadOnlyList<RollbackFiring> firings;
            try
            {
                firings = await runner.EvaluateAsync(change, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One change's bad trigger must not stop the others from being watched.
                LogEvaluationFailed(logger, e, change.Id.ToString());
                continue;
            }

            foreach (var firing in firings)
            {
                if (done.Firings.Add((change.Revision, KeyOf(firing))))
                {
                    await AnnounceAsync(change, firing, cancellationToken).ConfigureAwait(false);
                    announced.Add((change.Id, firing));
                }
            }
        }

        return announced;
    }

    private async Task<Announced> AnnouncedAsync(ChangeId id, CancellationToken cancellationToken)
    {
        if (_announced.TryGetValue(id, out var known))
        {
            return known;
        }

        var loaded = new Announced();
        foreach (var details in await audit.DetailsAsync(id.ToString(), TriggeredAction, cancellationToken).ConfigureAwait(false))
        {
            var entry = JsonSerializer.Deserialize<AnnouncedEntry>(details, Web);
            if (entry?.Trigger is { } trigger)
            {
                loaded.Firings.Add((entry.Revision, trigger));
            }
        }

        foreach (var details in await audit.DetailsAsync(id.ToString(), ChecklistAction, cancellationToken).ConfigureAwait(false))
        {
            if (JsonSerializer.Deserialize<AnnouncedEntry>(details, Web) is { } entry)
            {
                loaded.Checklists.Add(entry.Revision);
            }
        }

        return _announced.GetOrAdd(id, loaded);
    }

    private async Task PostChecklistAsync(ChangeRequest change, IReadOnlyList<RollbackTrigger> forPeople, CancellationToken cancellationToken)
    {
        var lines = string.Join("\n", forPeople.Select(trigger => $"• ☐ {trigger.Description}"));
        var text = $"*Rollback triggers to watch by hand* for {change.Id} — roll back if any of these happens:\n{lines}";
        await store.WriteAsync(
            (unit, _) =>
            {
                unit.Audit(AuditEntry.Of(ChangeActor.BotName, ActorSource.Job, ChecklistAction, change.Id, new AnnouncedEntry(change.Revision, null, null)));
                unit.Enqueue(thread.Reply(change.Id, text));
                return Task.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
        outbox.Notify();
    }

    private async Task AnnounceAsync(ChangeRequest change, RollbackFiring firing, CancellationToken cancellationToken)
    {
        var eocs = await roles.MembersAsync(ApproverRole.Eoc, cancellationToken).ConfigureAwait(false);
        var people = new[] { change.Executor }.Concat(eocs).Distinct(StringComparer.Ordinal).ToList();
        var mentions = string.Join(" ", people.Select(user => $"<@{user}>"));
        var button = new ButtonElement(ChangeActions.For(ChangeActions.Rollback, change.Id, change.Revision), "Roll back") { Style = ButtonStyle.Danger };
        MessageLayout Message(string text) => new(text, [SectionBlock.Markdown(text), new ActionsBlock([button])]);
        var inThread = Message($":rotating_light: {firing.Text}. {mentions}: the rollback plan of {change.Id} applies now.");
        var direct = Message($":rotating_light: {change.Id} ({change.Title}): {firing.Text}.");
        await store.WriteAsync(
            (unit, _) =>
            {
                unit.Audit(AuditEntry.Of(ChangeActor.BotName, ActorSource.Job, TriggeredAction, change.Id, new AnnouncedEntry(change.Revision, KeyOf(firing), firing.Value)));
                unit.Enqueue(thread.Reply(change.Id, inThread));
                foreach (var user in people)
                {
                    unit.Enqueue(ChangeThread.DirectMessage(user, direct));
                }

                return Task.FromResult(true);
            },
            cancellationToken).ConfigureAwait(false);
        outbox.Notify();
        LogTriggered(logger, change.Id.ToString(), firing.Condition);
    }

    private static string KeyOf(RollbackFiring firing) => firing.Trigger?.Description.Trim() ?? FailSafeKey;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollback triggered for {ChangeId}: {Condition}")]
    private static partial void LogTriggered(ILogger logger, string changeId, string condition);

    [LoggerMessage(Level = LogLevel.Error, Message = "The rollback triggers of {ChangeId} could not be evaluated")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string changeId);

    private sealed class Announced
    {
        public HashSet<(int Revision, string Trigger)> Firings { get; } = [];

        public HashSet<int> Checklists { get; } = [];
    }

    private sealed record AnnouncedEntry(int Revision, string? Trigger, double? Value);
}
