using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary><c>/change override CR-… &lt;rule&gt; &lt;expiry&gt; &lt;reason&gt;</c>: an admin lifts one admission rule for one change.</summary>
internal sealed class OverrideSubCommand(AdmissionOverrides overrides) : IChangeSubCommandHandler
{
    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (!ExecutionSubCommands.TryTarget(request, ExecutionSubCommands.OverrideUsage, out var id, out var rest, out var refusal))
        {
            return refusal;
        }

        var (rule, afterRule) = ChangeCommandText.TakeWord(rest);
        var (expiry, reason) = ChangeCommandText.TakeWord(afterRule);
        if (rule.Length == 0 || expiry.Length == 0 || reason.Length == 0)
        {
            return SlackAck.Ephemeral($"Name the rule, how long the override lasts and why: `{ExecutionSubCommands.OverrideUsage}`. The rule is the id in brackets after each reason `/change start` gave.");
        }

        if (!DurationText.TryParse(expiry, out var lasting, out var error))
        {
            return SlackAck.Ephemeral($"The expiry '{expiry}' is not a duration. {error}");
        }

        var outcome = await overrides.RecordAsync(id, request.Command.UserId, rule, lasting, reason, cancellationToken).ConfigureAwait(false);
        return SlackAck.Ephemeral(outcome.Succeeded ? outcome.Value! : outcome.Refusal!);
    }
}
