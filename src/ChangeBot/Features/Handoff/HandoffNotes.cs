using System.Text.Json;
using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Operations;
using ChangeBot.Domain;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Handoff;

/// <summary>
/// The handoff-note use cases: open the modal (pre-filled by <see cref="IHandoffPrefillProvider"/>) and record a
/// submitted note: stored as an operations record, audited, posted to #handoff and to the change's thread.
/// </summary>
public sealed partial class HandoffNotes(
    ChangeBotStore store,
    RoleDirectory roles,
    ChangeThread thread,
    IHandoffPrefillProvider prefill,
    ISlackApiClient slack,
    OutboxSignal outbox,
    ILogger<HandoffNotes> logger)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Opens the modal with <paramref name="triggerId"/> (use it at once); false when Slack refused it (e.g. the trigger expired).</summary>
    public async Task<bool> OpenAsync(string? triggerId, ChangeRequest change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrEmpty(triggerId))
        {
            return false;
        }

        var suggested = await prefill.ForChangeAsync(change, cancellationToken).ConfigureAwait(false);
        try
        {
            await slack.OpenViewAsync(triggerId, HandoffModal.Render(change, suggested), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SlackApiException e)
        {
            LogModalNotOpened(logger, change.Id.ToString(), e.Error);
            return false;
        }
    }

    /// <summary>Records <paramref name="note"/> by <paramref name="userId"/>; the executor, the requester, the EOC or an admin may write it once the change has run.</summary>
    public async Task<ChangeOutcome<string>> RecordAsync(ChangeId id, string userId, HandoffNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var actor = await roles.SlackUserAsync(userId, cancellationToken).ConfigureAwait(false);
        try
        {
            var answer = await store.WriteAsync(
                async (unit, token) =>
                {
                    var change = (await unit.Changes.GetAsync(id, token).ConfigureAwait(false))?.Change
                        ?? throw new DomainException($"There is no change request {id}.");
                    if (change.StartedAt is null)
                    {
                        throw new DomainException($"{id} is {change.State.Describe()} and hasn't run; a handoff note is written once it has.");
                    }

                    if (!actor.Actor.IsSomeoneOf(change.Executor, change.Requester) && !actor.Actor.Holds(ApproverRole.Eoc) && !actor.Actor.Holds(ApproverRole.Admin))
                    {
                        throw new DomainException($"Only the executor ({SlackFormat.Person(change.Executor)}), the requester, the EOC or an admin can write the handoff note of {id}.");
                    }

                    var noteId = await unit.Operations.AddHandoffNoteAsync(
                        new HandoffNoteRecord(0, id.ToString(), actor.UserId, JsonSerializer.Serialize(note, Web), unit.Now),
                        token).ConfigureAwait(false);
                    unit.Audit(AuditEntry.Of(actor.UserId, actor.Source, "change.handoff_posted", id, new { noteId }));
                    var message = HandoffNoteMessage.Render(change, note, actor.UserId);
                    unit.Enqueue(thread.Reply(id, message));
                    if (thread.HandoffChannel is { } handoff)
                    {
                        unit.Enqueue(ChangeThread.PostTo(handoff, message, messageKey: $"{id}/handoff/{noteId}"));
                        return $"Your handoff note for {id} is posted to <#{handoff}> and the change's thread.";
                    }

                    return $"Your handoff note for {id} is in the change's thread. #handoff is not configured (Slack:Channels:Handoff), so it was posted nowhere else.";
                },
                cancellationToken).ConfigureAwait(false);
            outbox.Notify();
            return ChangeOutcome<string>.Done(answer);
        }
        catch (DomainException refused)
        {
            return ChangeOutcome<string>.Refused(refused.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The handoff modal for {ChangeId} could not be opened ({SlackError}); the user is offered a button instead")]
    private static partial void LogModalNotOpened(ILogger logger, string changeId, string slackError);
}
