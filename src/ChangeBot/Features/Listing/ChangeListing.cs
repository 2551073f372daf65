using ChangeBot.Data.Changes;
using ChangeBot.Domain.Changes;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Listing;

/// <summary>The read side behind <c>/change list</c>: straight from the query columns, no aggregate loaded.</summary>
public sealed class ChangeListing(ChangeRequestQueries queries, ISlackApiClient slack, TimeProvider clock)
{
    private static readonly ChangeState[] OpenStates =
        [.. Enum.GetValues<ChangeState>().Where(state => !state.IsTerminal() && state != ChangeState.Draft)];

    public async Task<IReadOnlyList<ChangeSummary>> ListAsync(ChangeListFilter filter, string userId, CancellationToken cancellationToken)
    {
        switch (filter)
        {
            case ChangeListFilter.Mine:
                var open = await queries.InStateAsync(OpenStates, cancellationToken).ConfigureAwait(false);
                return [.. open.Where(change => change.Requester == userId || change.Executor == userId)];
            case ChangeListFilter.Pending:
                return await queries.InStateAsync([ChangeState.Submitted], cancellationToken).ConfigureAwait(false);
            case ChangeListFilter.Scheduled:
                return await queries.InStateAsync([ChangeState.Approved, ChangeState.Scheduled], cancellationToken).ConfigureAwait(false);
            case ChangeListFilter.Today:
                var (from, to) = await TodayAsync(userId, cancellationToken).ConfigureAwait(false);
                return await queries.PlannedBetweenAsync(from, to, cancellationToken).ConfigureAwait(false);
            default:
                return await queries.InStateAsync(OpenStates, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>"Today" in the viewer's own zone (<c>users.info</c> tz); UTC when Slack can't say.</summary>
    private async Task<(DateTimeOffset From, DateTimeOffset To)> TodayAsync(string userId, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.Utc;
        try
        {
            var user = await slack.GetUserInfoAsync(userId, cancellationToken).ConfigureAwait(false);
            if (user.Tz is { Length: > 0 } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found))
            {
                zone = found;
            }
        }
        catch (SlackApiException)
        {
            // Without the viewer's zone, UTC's day is the honest fallback; the times shown are still in their zone.
        }

        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var midnight = new DateTimeOffset(local.Date, local.Offset);
        return (midnight.ToUniversalTime(), midnight.AddDays(1).ToUniversalTime());
    }
}
