using ChangeBot.Features.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Locks;

/// <summary>The lock modal's submit: inline errors for wrong fields, a refusal on the name field, else declared and closed.</summary>
internal sealed class LockModalSubmission(RoleDirectory roles, ChangeLocks locks) : IViewSubmissionHandler
{
    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var (definition, errors) = LockModal.Read(payload.View);
        if (definition is null)
        {
            return SlackAck.Errors(errors);
        }

        var actor = await roles.SlackUserAsync(payload.User.Id, cancellationToken).ConfigureAwait(false);
        var outcome = await locks.DeclareAsync(definition, actor, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded
            ? SlackAck.Clear
            : SlackAck.Errors(new Dictionary<string, string> { [LockModal.Name] = outcome.Message });
    }
}
