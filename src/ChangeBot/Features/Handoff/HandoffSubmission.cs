using ChangeBot.Domain.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Handoff;

/// <summary>The handoff modal's submit: a missing state is an inline error; a refusal shows on the first field; else the note is posted and the modal closes.</summary>
internal sealed class HandoffSubmission(HandoffNotes notes) : IViewSubmissionHandler
{
    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ChangeId.TryParse(payload.View.PrivateMetadata, out var id))
        {
            return SlackAck.Errors(new Dictionary<string, string> { [HandoffModal.StateBlock] = "This form lost track of its change request. Close it and press the button again." });
        }

        var note = HandoffModal.Read(payload.View.State, out var missing);
        if (note is null)
        {
            return SlackAck.Errors(new Dictionary<string, string> { [HandoffModal.StateBlock] = missing! });
        }

        var outcome = await notes.RecordAsync(id, payload.User.Id, note, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return SlackAck.Errors(new Dictionary<string, string> { [HandoffModal.StateBlock] = outcome.Refusal! });
        }

        // A modal has no response_url: the note itself, in the thread and #handoff, is the confirmation.
        return SlackAck.Empty;
    }
}
