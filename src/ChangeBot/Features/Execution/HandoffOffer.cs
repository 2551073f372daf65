using ChangeBot.Data;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Handoff;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Execution;

/// <summary>
/// After a C1/C2 change completes: open the handoff-note modal with the fresh trigger id, and when Slack refuses it,
/// offer a button in the private answer instead. Either way the answer says what happened.
/// </summary>
public sealed class HandoffOffer(ChangeBotStore store, HandoffNotes notes)
{
    public async Task<MessageLayout> OpenOrOfferAsync(ChangeId id, string? triggerId, MessageLayout answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return answer;
        }

        return await notes.OpenAsync(triggerId, stored.Change, cancellationToken).ConfigureAwait(false)
            ? answer
            : HandoffNoteMessage.Offer(stored.Change, answer.Text);
    }
}
