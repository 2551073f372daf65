using ChangeBot.Data.Operations;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Listing;

/// <summary><c>/change list [mine|pending|scheduled|today]</c>.</summary>
internal sealed class ListSubCommand(ChangeListing listing, IncidentQueries incidents, TimeProvider clock) : IChangeSubCommandHandler
{
    public const string Name = "list";
    public const string Usage = "/change list mine";

    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        var word = request.Arguments.Trim().ToLowerInvariant();
        ChangeListFilter? filter = word switch
        {
            "" or "open" or "all" => ChangeListFilter.Open,
            "mine" => ChangeListFilter.Mine,
            "pending" => ChangeListFilter.Pending,
            "scheduled" => ChangeListFilter.Scheduled,
            "today" => ChangeListFilter.Today,
            _ => null,
        };
        if (filter is not { } chosen)
        {
            return SlackAck.Ephemeral($"`/change list {request.Arguments.Trim()}` is not a list ChangeBot keeps: use `/change list`, or add `mine`, `pending`, `scheduled` or `today`.");
        }

        var changes = await listing.ListAsync(chosen, request.Command.UserId, cancellationToken).ConfigureAwait(false);
        var active = await incidents.ActiveAsync(cancellationToken).ConfigureAwait(false);
        return SlackAck.Ephemeral(ChangeListView.Render(chosen, changes, active, clock.GetUtcNow()));
    }
}
