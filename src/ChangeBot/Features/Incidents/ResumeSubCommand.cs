using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Incidents;

/// <summary><c>/change resume CR-…</c>: the EOC lets one rollout paused by an incident continue before the incident ends.</summary>
internal sealed class ResumeSubCommand : IChangeSubCommandHandler
{
    public const string Name = "resume";
    public const string Usage = "/change resume CR-2026-0451";

    public Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!ChangeId.TryParse(request.Arguments.Trim(), out var id))
        {
            return Task.FromResult(SlackAck.Ephemeral($"Name the paused change to resume: `{Usage}`."));
        }

        var user = request.Command.UserId;
        context.After(async (services, token) =>
        {
            var actor = await services.GetRequiredService<RoleDirectory>().SlackUserAsync(user, token).ConfigureAwait(false);
            var outcome = await services.GetRequiredService<IncidentDesk>().ResumeAsync(id, actor, token).ConfigureAwait(false);
            await services.GetRequiredService<SlackUserNotices>()
                .TellAsync(context, outcome.Refusal ?? $"{id} is resumed; its executor has been told.", token).ConfigureAwait(false);
        });
        return Task.FromResult(SlackAck.Empty);
    }
}
