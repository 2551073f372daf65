using ChangeBot.Data;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Policy;

namespace ChangeBot.Features.Home;

/// <summary>Reads one user's <see cref="HomeSnapshot"/>: from the query columns, plus the aggregates of the few changes waiting for them.</summary>
public sealed class HomeDashboard(
    ChangeRequestQueries queries,
    ChangeBotStore store,
    IncidentQueries incidents,
    RoleDirectory roles,
    IChangeCalendarSource calendar,
    TimeProvider clock)
{
    private static readonly ChangeState[] OpenStates =
        [.. Enum.GetValues<ChangeState>().Where(state => !state.IsTerminal())];

    /// <summary>How far ahead the next lock is looked for.</summary>
    private static readonly TimeSpan LockHorizon = TimeSpan.FromDays(60);

    public async Task<HomeSnapshot> ForAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var actor = (await roles.SlackUserAsync(userId, cancellationToken).ConfigureAwait(false)).Actor;
        var open = await queries.InStateAsync(OpenStates, cancellationToken).ConfigureAwait(false);
        var mine = open.Where(change => change.Requester == userId || change.Executor == userId).ToList();
        var running = await queries.InProgressAsync(cancellationToken).ConfigureAwait(false);
        var awaiting = await AwaitingAsync(actor, cancellationToken).ConfigureAwait(false);

        var owed = new List<string>();
        foreach (var change in mine.Where(c => c.Type == ChangeType.Emergency))
        {
            if ((await store.GetAsync(change.Id, cancellationToken).ConfigureAwait(false))?.Change.RetrospectiveOwed == true)
            {
                owed.Add(change.Id.ToString());
            }
        }

        var (active, next) = Locks(calendar.Current, now);
        var windows = calendar.Current.Policy.WindowFor(ChangeType.Normal);
        IReadOnlyList<DateTimeOffset> openings = windows.AlwaysOpen
            ? []
            : [.. windows.Openings(now, now + TimeSpan.FromDays(8)).Select(opening => opening.Start < now ? now : opening.Start).Take(3)];
        var incidentsNow = await incidents.ActiveAsync(cancellationToken).ConfigureAwait(false);
        return new HomeSnapshot(userId, now, mine, awaiting, running, owed, active, next, openings, incidentsNow);
    }

    /// <summary>Changes still needing an approval this person may give: not their own, not already given by them.</summary>
    private async Task<IReadOnlyList<ChangeSummary>> AwaitingAsync(Actor actor, CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<ChangeId, ChangeSummary>();
        foreach (var role in actor.Roles.Append(ApproverRole.Reviewer).Distinct())
        {
            foreach (var change in await queries.AwaitingAsync(role, cancellationToken).ConfigureAwait(false))
            {
                if (change.Requester != actor.UserId)
                {
                    candidates.TryAdd(change.Id, change);
                }
            }
        }

        var result = new List<ChangeSummary>();
        foreach (var summary in candidates.Values.OrderBy(change => change.PlannedStart).Take(HomeTabView.PerSection * 2))
        {
            var change = (await store.GetAsync(summary.Id, cancellationToken).ConfigureAwait(false))?.Change;
            var open = change?.ApprovalsStillNeeded()
                .Where(outstanding => outstanding.Requirement.Role == ApproverRole.Reviewer || actor.Holds(outstanding.Requirement.Role))
                .Where(outstanding => !outstanding.ApprovedBy.Contains(actor.UserId, StringComparer.Ordinal));
            if (open?.Any() == true)
            {
                result.Add(summary);
            }
        }

        return result;
    }

    private static (HomeLock? Active, HomeLock? Next) Locks(ChangeCalendar calendar, DateTimeOffset now)
    {
        var occurrences = calendar.Occurrences(new TimeInterval(now, now + LockHorizon))
            .Where(occurrence => occurrence.Entry is ChangeLock)
            .ToList();
        var active = occurrences.FirstOrDefault(occurrence => occurrence.Period.Start <= now && now < occurrence.Period.End);
        var next = occurrences.FirstOrDefault(occurrence => occurrence.Period.Start > now);
        return (Describe(active), Describe(next));
    }

    private static HomeLock? Describe(CalendarOccurrence occurrence)
    {
        if (occurrence.Entry is not ChangeLock changeLock)
        {
            return null;
        }

        var blocks = changeLock.Strength == LockStrength.Hard
            ? "blocks every change"
            : $"blocks {string.Join("/", changeLock.BlockedCriticalities.Order())}, others {changeLock.Condition}";
        return new HomeLock(changeLock.Title, occurrence.Period.Start, occurrence.Period.End, blocks);
    }
}
