using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Intake;

/// <summary>
/// The intake modal's submit. Invalid input comes back as inline errors on the right blocks (the modal stays open with
/// everything typed); a C1/C2 change first gets its change-team fields (the modal is updated in place, values kept);
/// a valid one is filed or saved as a new revision and the modal closes.
/// </summary>
internal sealed class IntakeSubmissionHandler(
    ChangeFiling filing,
    ChangeEditing editing,
    RoleDirectory roles,
    Domain.Policy.ChangePolicy policy) : IViewSubmissionHandler
{
    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var user = payload.User.Id;
        var metadata = IntakeModalMetadata.Parse(payload.View.PrivateMetadata);
        var body = IntakeFormReader.Read(payload.View.State, user);
        var reading = await filing.ReadAsync(body, user, cancellationToken).ConfigureAwait(false);
        var blocks = IntakeModal.InputBlockIds(metadata.ShowsTeam);

        if (!metadata.ShowsTeam && reading.Content.Risk.IsValid && reading.Content.EffectiveCriticality is Criticality.C1 or Criticality.C2)
        {
            var criticality = reading.Content.EffectiveCriticality;
            return SlackAck.Update(IntakeModal.Build(body, metadata with { ShowsTeam = true }, policy.Rules.StageMinimums,
                $"This is a *{criticality}* change: name its change team below (event manager, communications manager, bridge), then submit again."));
        }

        if (!reading.IsValid)
        {
            return IntakeViews.Errors(reading.Errors, blocks);
        }

        var actor = await roles.SlackUserAsync(user, cancellationToken).ConfigureAwait(false);
        if (metadata.Id is { } id)
        {
            var edited = await editing.EditAsync(id, actor, metadata.Revision, _ => reading.Content, why: null, cancellationToken).ConfigureAwait(false);
            if (edited.FieldErrors.Count > 0)
            {
                return IntakeViews.Errors(edited.FieldErrors, blocks);
            }

            return edited.Refusal is { } refused
                ? IntakeViews.Errors([new FieldError(ChangeRequestFields.Title, refused)], blocks)
                : SlackAck.Clear;
        }

        var filed = await filing.FileAsync(reading, actor, metadata.Channel, cancellationToken).ConfigureAwait(false);
        if (filed.Errors.Count > 0)
        {
            return IntakeViews.Errors(filed.Errors, blocks);
        }

        return filed.Refusal is { } refusal
            ? IntakeViews.Errors([new FieldError(ChangeRequestFields.Title, refusal)], blocks)
            : SlackAck.Clear;
    }
}
