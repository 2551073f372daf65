using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Intake;

/// <summary>
/// Files a change request (from the modal or the API): reads and validates the body, checks the executor is a
/// person, gives it its id, stores it, announces it in #change (and #production when the approval plan says so),
/// opens the thread, and schedules it at once if it needs no approval. All of it in one unit of work.
/// </summary>
public sealed class ChangeFiling(
    ChangeBotStore store,
    ChangeThread thread,
    ChangeRequestAdmission admission,
    RoleDirectory roles,
    ChangePolicy policy,
    ExecutorCheck executors,
    OutboxSignal outbox,
    ChangeWorkflow workflow,
    ChangeRequestQueries queries,
    TimeProvider clock)
{
    /// <summary>Reads and checks a body without filing it (every problem at once, the executor included).</summary>
    public async Task<IntakeReading> ReadAsync(ChangeRequestBody body, string requester, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var reading = ChangeRequestBodyReader.Read(body, requester, clock.GetUtcNow(), policy.Rules.StageMinimums);
        if (reading.Errors.Any(error => error.Field == ChangeRequestFields.Executor))
        {
            return reading;
        }

        var executor = await executors.CheckAsync(body.Executor, cancellationToken).ConfigureAwait(false);
        return executor is null ? reading : reading with { Errors = [.. reading.Errors, executor] };
    }

    /// <summary>
    /// Files the body for <paramref name="requester"/>. <paramref name="confirmIn"/>, when given, is the channel
    /// where the requester gets an ephemeral confirmation.
    /// </summary>
    public async Task<FilingResult> FileAsync(ChangeRequestBody body, ChangeActor requester, string? confirmIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var reading = await ReadAsync(body, requester.UserId, cancellationToken).ConfigureAwait(false);
        return await FileAsync(reading, requester, confirmIn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files what <see cref="ReadAsync"/> read (so the modal, which reads first to decide its next step, checks once).</summary>
    public async Task<FilingResult> FileAsync(IntakeReading reading, ChangeActor requester, string? confirmIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(requester);
        if (!reading.IsValid)
        {
            return new FilingResult(null, reading.Errors, null, reading.Warnings);
        }

        try
        {
            _ = thread.ChangeChannel;
            var situation = await admission.SituationAsync(null, cancellationToken).ConfigureAwait(false);
            var members = await roles.AllMembersAsync(cancellationToken).ConfigureAwait(false);
            var templateApproved = reading.Content.Type == ChangeType.Standard
                && reading.Content.StandardTemplate is { Length: > 0 } template
                && await queries.TemplateApprovedAsync(template, cancellationToken).ConfigureAwait(false);
            var id = await store.NextChangeIdAsync(clock.GetUtcNow().Year, cancellationToken).ConfigureAwait(false);
            var change = await store.WriteAsync(
                async (unit, token) =>
                {
                    var change = ChangeRequest.File(id, requester.UserId, reading.Content, policy.Rules, templateAlreadyApproved: templateApproved, unit.Now);
                    var scope = new ChangeActionScope(change, unit, requester, thread, situation, members);
                    unit.Enqueue(thread.Announce(id, ChangeMessage.Render(scope.View())));
                    if (change.ApprovalPlan?.AnnounceInProduction == true && thread.AnnounceInProduction(id, ProductionAnnouncement.Render(change, thread.ChangeChannel)) is { } production)
                    {
                        unit.Enqueue(production);
                    }

                    scope.Record("change.filed", FiledText(change, reading.Warnings), new { revision = change.Revision, criticality = change.Criticality.ToString(), risk = change.Content.Risk.Score });
                    var announced = ProductionStanding.Of(change);
                    ChangeScheduling.ScheduleIfApproved(scope);

                    // Stored once it is where filing leaves it: a pre-approved change is scheduled at once.
                    await unit.Changes.InsertAsync(change, token).ConfigureAwait(false);

                    // The announcement already shows the filed change; only a change of state since needs an update.
                    if (change.State != announced.State)
                    {
                        unit.Enqueue(thread.UpdateAnnouncement(id, ChangeMessage.Render(scope.View())));
                    }

                    if (thread.FollowInProduction(change, announced) is { } productionUpdate)
                    {
                        unit.Enqueue(productionUpdate);
                    }

                    if (confirmIn is not null && requester.Source == ActorSource.Slack)
                    {
                        unit.Enqueue(new OutboxMessage(
                            OutboxMessage.PostEphemeral,
                            confirmIn,
                            OutboxPayload.Ephemeral(requester.UserId, ChangeThread.Text($"Filed *{SlackFormat.Title(change)}*; it is announced in <#{thread.ChangeChannel}>, where its thread follows every step."))));
                    }

                    return change;
                },
                cancellationToken).ConfigureAwait(false);
            outbox.Notify();

            // Whoever the new change concerns (approvers, the executor) sees it on App Home without reopening it.
            await workflow.NotifyCommittedAsync(change, cancellationToken).ConfigureAwait(false);
            return new FilingResult(change, [], null, reading.Warnings);
        }
        catch (ContentRejectedException invalid)
        {
            return new FilingResult(null, invalid.Errors, null, reading.Warnings);
        }
        catch (DomainException refused)
        {
            return new FilingResult(null, [], refused.Message, reading.Warnings);
        }
    }

    private static string FiledText(ChangeRequest change, IReadOnlyList<FieldError> warnings)
    {
        var needed = change.ApprovalsStillNeeded();
        var text = needed.Count == 0
            ? $"📝 Filed by {SlackFormat.Person(change.Requester)}. It needs no approval."
            : $"📝 Filed by {SlackFormat.Person(change.Requester)}. Needs: {string.Join("; ", needed.Select(open => $"{open.Requirement.Reason}"))}.";
        foreach (var warning in warnings)
        {
            text += $"\n⚠️ {warning.Message}";
        }

        return text;
    }
}
