using System.Text.Json;
using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Operations;
using ChangeBot.Domain;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;

namespace ChangeBot.Features.Execution;

/// <summary>
/// Overrides as first-class records: an admin lifts one admission rule for one change request until an expiry, with
/// a reason. Stored in the overrides table (kind = the rule), audited, posted in the CR's thread; admission reads
/// them back through <see cref="StoredAdmissionOverrides"/>.
/// </summary>
public sealed class AdmissionOverrides(
    ChangeBotStore store,
    RoleDirectory roles,
    ChangeThread thread,
    ChangeRequestAdmission admission,
    OutboxSignal outbox)
{
    internal static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Records the override and answers the admin with what admission says now; refused unless they hold the admin role.</summary>
    public async Task<ChangeOutcome<string>> RecordAsync(
        ChangeId id,
        string userId,
        string rule,
        TimeSpan lasting,
        string reason,
        CancellationToken cancellationToken)
    {
        var actor = await roles.SlackUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (!actor.Actor.Holds(ApproverRole.Admin))
        {
            var admins = await roles.MembersAsync(ApproverRole.Admin, cancellationToken).ConfigureAwait(false);
            return ChangeOutcome<string>.Refused($"Only a ChangeBot admin can override an admission rule; you don't hold the admin role right now. Admins: {SlackFormat.People(admins)}.");
        }

        if (OverrideRules.Find(rule) is not { } known)
        {
            return ChangeOutcome<string>.Refused($"`{rule}` is not an admission rule that can be lifted. Use one of: {string.Join(", ", OverrideRules.All.Select(r => $"`{r}`"))}.");
        }

        if (lasting <= TimeSpan.Zero || lasting > OverrideRules.LongestExpiry)
        {
            return ChangeOutcome<string>.Refused($"An override lasts between a minute and {SlackFormat.Duration(OverrideRules.LongestExpiry)}; {SlackFormat.Duration(lasting)} is outside that.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ChangeOutcome<string>.Refused("Say why the rule may be lifted: the reason is posted in the change's thread and kept in the audit log.");
        }

        var situation = await admission.SituationAsync(id, cancellationToken).ConfigureAwait(false);
        var members = await roles.AllMembersAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var answer = await store.WriteAsync(
                async (unit, token) =>
                {
                    var stored = await unit.Changes.GetAsync(id, token).ConfigureAwait(false)
                        ?? throw new DomainException($"There is no change request {id}.");
                    var change = stored.Change;
                    if (change.State.IsTerminal())
                    {
                        throw new DomainException($"{id} is {change.State.Describe()}; there is nothing left to override.");
                    }

                    var granted = new AdmissionOverride(known, id, actor.UserId, reason.Trim(), unit.Now + lasting);
                    await unit.Operations.AddOverrideAsync(
                        new OverrideRecord(0, id.ToString(), known, granted.Why, granted.By, unit.Now, JsonSerializer.Serialize(new OverrideDetails(known, granted.ExpiresAt), Web)),
                        token).ConfigureAwait(false);
                    unit.Audit(AuditEntry.Of(actor.UserId, actor.Source, "change.override_recorded", id, new { rule = known, expiresAt = granted.ExpiresAt, reason = granted.Why }));
                    var line = $"🔓 {SlackFormat.Person(actor.UserId)} lifted `{known}` for {id} until {SlackFormat.When(granted.ExpiresAt)} ({ExecutionMessages.Relative(granted.ExpiresAt, unit.Now)}): {granted.Why}";
                    unit.Enqueue(thread.Reply(id, line));

                    var withOverride = situation with { Overrides = [.. situation.Overrides, granted] };
                    var now = ChangeRequestAdmission.Decide(change, withOverride, unit.Now, unit.Now);
                    unit.Enqueue(thread.UpdateAnnouncement(id, ChangeMessage.Render(new ChangeView(change, ChangeRequestAdmission.Decide(change, withOverride, unit.Now), members))));
                    return now.Allowed
                        ? $"{line}\nAdmission now allows {id} to start."
                        : $"{line}\n{id} is still blocked now by: {string.Join(", ", now.Reasons.Select(r => $"`{r.Rule}`"))}.";
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
}
