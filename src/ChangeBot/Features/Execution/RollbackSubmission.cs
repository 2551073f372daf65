using ChangeBot.Features.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary>The rollback modal's submit: no reason or a refusal is shown on the reason field; else the rollback is recorded and the modal closes.</summary>
internal sealed class RollbackSubmission(ChangeExecution execution) : IViewSubmissionHandler
{
    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ChangeActions.TryParse(payload.View.PrivateMetadata, string.Empty, out var target))
        {
            return Error("This form lost track of its change request. Close it and press Roll back again.");
        }

        var reason = payload.View.State.Get(RollbackModal.ReasonBlock, RollbackModal.ReasonAction)?.Value?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Error("Say why it is rolled back: the reason is announced with the rollback.");
        }

        var outcome = await execution.RollbackAsync(target.Id, payload.User.Id, reason, target.Revision, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? SlackAck.Empty : Error(outcome.Refusal!);
    }

    private static SlackAck Error(string message) =>
        SlackAck.Errors(new Dictionary<string, string> { [RollbackModal.ReasonBlock] = message });
}
