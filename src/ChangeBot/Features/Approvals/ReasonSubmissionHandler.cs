using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Approvals;

/// <summary>The reason modal's submit: reject or veto with the reason; a refusal stays in the modal, on the reason field.</summary>
internal sealed class ReasonSubmissionHandler(ChangeApprovals approvals, RoleDirectory roles) : IViewSubmissionHandler
{
    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var request = ReasonModal.Read(payload.View.PrivateMetadata);
        if (request is null || !ChangeId.TryParse(request.ChangeId, out var id))
        {
            return Error("This form lost track of its change request; close it and press the button on the message again.");
        }

        var reason = payload.View.State.Get(ReasonModal.BlockId, ReasonModal.ActionId)?.Value?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Error(request.IsVeto ? "Say why you veto the change: the thread and the requester see it." : "Say why you reject the change: the requester needs to know what to fix.");
        }

        var actor = await roles.SlackUserAsync(payload.User.Id, cancellationToken).ConfigureAwait(false);
        var outcome = request.IsVeto
            ? await approvals.VetoAsync(id, actor, request.Revision, reason, cancellationToken).ConfigureAwait(false)
            : await approvals.RejectAsync(id, actor, request.Revision, reason, cancellationToken).ConfigureAwait(false);
        return outcome.Refusal is { } refusal ? Error(refusal) : SlackAck.Clear;
    }

    private static SlackAck Error(string message) =>
        SlackAck.Errors(new Dictionary<string, string> { [ReasonModal.BlockId] = message });
}
