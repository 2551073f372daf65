using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Locks;

/// <summary>
/// <c>/change pcl add|list|end &lt;name&gt;</c> and the same for <c>/change freeze</c>: <c>add</c> opens the modal
/// (Admins only, checked again on submit), <c>list</c> shows the policy's and the run-time locks, <c>end</c> lifts one.
/// </summary>
public abstract class LockSubCommand(
    LockKind kind,
    RoleDirectory roles,
    ChangeLocks locks,
    LockRecords records,
    LockCalendar calendar,
    TimeProvider clock) : IChangeSubCommandHandler
{
    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var name = kind == LockKind.Freeze ? "freeze" : "pcl";
        var words = request.Arguments.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length > 0 ? words[0].ToLowerInvariant() : string.Empty;
        var user = request.Command.UserId;
        switch (verb)
        {
            case "list":
                var active = await records.ActiveAsync(cancellationToken).ConfigureAwait(false);
                return SlackAck.Ephemeral(LockMessages.List(kind, calendar.Current, active, clock.GetUtcNow()));
            case "add":
                var actor = await roles.SlackUserAsync(user, cancellationToken).ConfigureAwait(false);
                if (!actor.Actor.Holds(Domain.Approvals.ApproverRole.Admin))
                {
                    return SlackAck.Ephemeral($"Only an Admin may declare a {Noun}; ask one of the admins in ChangeBot:Roles:Admin.");
                }

                if (request.Command.TriggerId is not { Length: > 0 } trigger)
                {
                    return SlackAck.Ephemeral("Slack sent no trigger id with this command, so the form can't open; try again.");
                }

                // Opened after the ack; the trigger id stays usable for 3 s, which the ack leaves plenty of.
                context.After(async (services, token) =>
                {
                    try
                    {
                        await services.GetRequiredService<ISlackApiClient>().OpenViewAsync(trigger, LockModal.Render(kind), token).ConfigureAwait(false);
                    }
                    catch (SlackApiException e)
                    {
                        await services.GetRequiredService<SlackUserNotices>().TellAsync(context, SlackUserNotices.FormNotOpened(e, $"{Noun} form", "Run the command again."), token).ConfigureAwait(false);
                    }
                });
                return SlackAck.Empty;
            case "end" when words.Length == 2:
                var ender = await roles.SlackUserAsync(user, cancellationToken).ConfigureAwait(false);
                var ended = await locks.EndAsync(kind, words[1], ender, cancellationToken).ConfigureAwait(false);
                return SlackAck.Ephemeral(ended.Message);
            default:
                return SlackAck.Ephemeral($"Usage: `/change {name} add` (opens the form), `/change {name} list`, `/change {name} end <name>`.");
        }
    }

    private string Noun => kind == LockKind.Freeze ? "freeze" : "PCL";
}
