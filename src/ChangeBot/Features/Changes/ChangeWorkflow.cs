using System.Globalization;
using ChangeBot.Data;
using ChangeBot.Domain;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Outbox;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Runs a use case on one change request as an actor, over <see cref="ChangeBotStore.ChangeAsync{T}"/>: the CR is
/// loaded, the act calls the domain, and the audit entries, thread replies and the re-rendered announcement commit
/// with it. A refusal (<see cref="DomainException"/>) changes nothing and comes back as a sentence; invalid content
/// as field errors; a button rendered for an older revision as "this change was edited after you opened it".
/// </summary>
public sealed partial class ChangeWorkflow(
    ChangeBotStore store,
    ChangeThread thread,
    RoleDirectory roles,
    ChangeRequestAdmission admission,
    OutboxSignal outbox,
    TimeProvider clock,
    IEnumerable<IChangeCommittedListener> listeners,
    ILogger<ChangeWorkflow> logger)
{
    /// <summary>
    /// Acts on <paramref name="id"/> as <paramref name="actor"/>. <paramref name="seenRevision"/> is the revision the
    /// user saw (from the button); null when the action does not depend on it (a slash command, a job).
    /// </summary>
    public async Task<ChangeOutcome<T>> RunAsync<T>(
        ChangeId id,
        ChangeActor actor,
        int? seenRevision,
        Func<ChangeActionScope, T> act,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(act);
        var situation = await admission.SituationAsync(id, cancellationToken).ConfigureAwait(false);
        var members = await roles.AllMembersAsync(cancellationToken).ConfigureAwait(false);
        ChangeRequest? acted = null;
        T result;
        try
        {
            result = await store.ChangeAsync(
                id,
                (change, unit) =>
                {
                    EnsureRevision(change, seenRevision);
                    var scope = new ChangeActionScope(change, unit, actor, thread, situation, members);
                    var before = ProductionStanding.Of(change);
                    var value = act(scope);
                    acted = change;
                    if (scope.AnnouncementChanged)
                    {
                        unit.Enqueue(thread.UpdateAnnouncement(change.Id, ChangeMessage.Render(scope.View())));
                    }

                    if (thread.FollowInProduction(change, before) is { } production)
                    {
                        unit.Enqueue(production);
                    }

                    return value;
                },
                cancellationToken).ConfigureAwait(false);
            outbox.Notify();
        }
        catch (ContentRejectedException invalid)
        {
            return ChangeOutcome<T>.Invalid(invalid.Message, invalid.Errors);
        }
        catch (DomainException refused)
        {
            return ChangeOutcome<T>.Refused(refused.Message);
        }

        await NotifyCommittedAsync(acted!, cancellationToken).ConfigureAwait(false);
        return ChangeOutcome<T>.Done(result);
    }

    /// <summary>
    /// Tells the <see cref="IChangeCommittedListener"/>s; the change is in, so their failures are only logged. They are
    /// independent singletons, started at once, so one that waits on Slack (App Home's user-group lookups) does not
    /// hold back another (re-planning the change's reminders). Caches that a commit makes stale are not listeners:
    /// the store invalidates them as the write commits (<see cref="ChangeBot.Data.ChangeBotStore.WriteGeneration"/>).
    /// </summary>
    public async Task NotifyCommittedAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await Task.WhenAll(listeners.Select(listener => NotifyAsync(listener, change, cancellationToken))).ConfigureAwait(false);
    }

    private async Task NotifyAsync(IChangeCommittedListener listener, ChangeRequest change, CancellationToken cancellationToken)
    {
        try
        {
            await listener.OnCommittedAsync(change, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogListenerFailed(logger, e, listener.GetType().Name, change.Id.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Listener} failed after {ChangeId} committed; the change itself is saved")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, string changeId);

    /// <summary>Acts as a Slack user, with the roles they hold at this moment.</summary>
    public async Task<ChangeOutcome<T>> RunAsSlackUserAsync<T>(
        ChangeId id,
        string userId,
        int? seenRevision,
        Func<ChangeActionScope, T> act,
        CancellationToken cancellationToken)
    {
        var actor = await roles.SlackUserAsync(userId, cancellationToken).ConfigureAwait(false);
        return await RunAsync(id, actor, seenRevision, act, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The view of a stored CR as the message shows it now (for <c>/change show</c>, the API, App Home).</summary>
    public async Task<ChangeView?> ViewAsync(ChangeId id, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : await ViewAsync(stored.Change, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ChangeView> ViewAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var members = await roles.AllMembersAsync(cancellationToken).ConfigureAwait(false);
        if (change.State.IsTerminal())
        {
            return new ChangeView(change, null, members);
        }

        var situation = await admission.SituationAsync(change.Id, cancellationToken).ConfigureAwait(false);
        return new ChangeView(change, ChangeRequestAdmission.Decide(change, situation, clock.GetUtcNow()), members);
    }

    /// <summary>The sentence for a button rendered on an older revision; the same words the domain uses.</summary>
    public static string EditedSinceOpened(ChangeId id, int seen, int now) =>
        string.Create(CultureInfo.InvariantCulture, $"{id} was edited after you opened it: you saw revision {seen}, and it is now at revision {now}. Review the change again before acting on it.");

    private static void EnsureRevision(ChangeRequest change, int? seenRevision)
    {
        if (seenRevision is { } seen && seen != change.Revision)
        {
            throw new DomainException(EditedSinceOpened(change.Id, seen, change.Revision));
        }
    }
}
