using ChangeBot.Data;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Intake;

/// <summary>Opens the intake modal with a fresh trigger id, at once (Slack honours it once, within 3 s).</summary>
public sealed class IntakeModalOpener(ISlackApiClient slack, ChangeBotStore store, ChangePolicy policy)
{
    public async Task<SlackAck> OpenNewAsync(string? triggerId, string? title, string? channel, CancellationToken cancellationToken)
    {
        var view = IntakeModal.Build(new ChangeRequestBody { Title = title }, IntakeModalMetadata.New(channel), policy.Rules.StageMinimums);
        return await OpenAsync(triggerId, view, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SlackAck> OpenEditAsync(string? triggerId, string idText, string? channel, CancellationToken cancellationToken)
    {
        if (!ChangeId.TryParse(idText, out var id))
        {
            return SlackAck.Ephemeral(string.IsNullOrWhiteSpace(idText)
                ? "Say which change to edit: `/change edit CR-2026-0001`."
                : $"'{idText.Trim()}' is not a change id: expected CR-YYYY-NNNN, for example `/change edit CR-2026-0001`.");
        }

        var stored = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return SlackAck.Ephemeral($"There is no change request {id}.");
        }

        var change = stored.Change;
        var view = IntakeModal.Build(IntakeModal.BodyOf(change), IntakeModalMetadata.Edit(change, channel), policy.Rules.StageMinimums,
            $"Editing *{id}* (revision {change.Revision}). Saving makes revision {change.Revision + 1} and voids the approvals given so far.");
        return await OpenAsync(triggerId, view, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SlackAck> OpenAsync(string? triggerId, Slack.BlockKit.ModalView view, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(triggerId))
        {
            return SlackAck.Ephemeral("Slack sent no trigger id with this request, so the form can't open; try again.");
        }

        try
        {
            await slack.OpenViewAsync(triggerId, view, cancellationToken).ConfigureAwait(false);
            return SlackAck.Empty;
        }
        catch (SlackApiException e)
        {
            return SlackAck.Ephemeral(SlackUserNotices.FormNotOpened(e, "change form", "Run the command again."));
        }
    }
}
