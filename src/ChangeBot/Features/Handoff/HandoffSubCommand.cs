using ChangeBot.Data;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Handoff;

/// <summary><c>/change handoff CR-…</c>: opens the handoff-note modal for a change that has run.</summary>
internal sealed class HandoffSubCommand(ChangeBotStore store, HandoffNotes notes) : IChangeSubCommandHandler
{
    public const string Name = "handoff";
    public const string Usage = "/change handoff CR-2026-0001";

    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ChangeCommandText.TryTakeChangeId(request.Arguments, Usage, out var id, out _, out var error))
        {
            return SlackAck.Ephemeral(error);
        }

        if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return SlackAck.Ephemeral($"There is no change request {id}.");
        }

        if (stored.Change.StartedAt is null)
        {
            return SlackAck.Ephemeral($"{id} is {stored.Change.State.Describe()} and hasn't run; a handoff note is written once it has.");
        }

        return await notes.OpenAsync(request.Command.TriggerId, stored.Change, cancellationToken).ConfigureAwait(false)
            ? SlackAck.Empty
            : SlackAck.Ephemeral($"Slack didn't let ChangeBot open the handoff form in time; type `{Usage.Replace("CR-2026-0001", id.ToString(), StringComparison.Ordinal)}` again.");
    }
}
