using System.Collections.Concurrent;
using ChangeBot.Data.Audit;
using ChangeBot.Domain.Approvals;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Who holds which role right now: the static lists of <c>ChangeBot:Roles</c> plus the members of each role's Slack
/// user group, fetched with <c>usergroups.users.list</c> and kept for <see cref="RoleOptions.CacheLifetime"/>. A
/// group that can't be read counts as empty for that lookup (logged), so a Slack outage never grants a role.
/// It is a singleton (the cache lives as long as the process), so it takes a fresh Slack client from the container
/// for each fetch instead of holding one: the typed client's HttpClient comes from IHttpClientFactory each time, and
/// the factory's handler rotation (DNS changes, recycled connections) reaches role lookups too.
/// </summary>
public sealed partial class RoleDirectory(
    IOptions<RoleOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<RoleDirectory> logger)
{
    private readonly ConcurrentDictionary<string, CachedGroup> _groups = new(StringComparer.Ordinal);

    /// <summary>The Slack user as an actor at this moment: an engineer (reviewer) plus every role they hold.</summary>
    public async ValueTask<ChangeActor> SlackUserAsync(string userId, CancellationToken cancellationToken)
    {
        var roles = new List<ApproverRole>();
        foreach (var (role, _) in options.Value.Configured())
        {
            if ((await MembersAsync(role, cancellationToken).ConfigureAwait(false)).Contains(userId.Trim(), StringComparer.Ordinal))
            {
                roles.Add(role);
            }
        }

        return new ChangeActor(Actor.Engineer(userId, [.. roles]), ActorSource.Slack);
    }

    /// <summary>Everyone holding <paramref name="role"/> now, static users first; empty for <see cref="ApproverRole.Reviewer"/> (everyone).</summary>
    public async ValueTask<IReadOnlyList<string>> MembersAsync(ApproverRole role, CancellationToken cancellationToken)
    {
        var members = options.Value.Configured().Where(entry => entry.Role == role).Select(entry => entry.Members).FirstOrDefault();
        if (members is null)
        {
            return [];
        }

        var users = members.Users.Select(user => user.Trim()).Where(user => user.Length > 0).ToList();
        if (members.UserGroup is { Length: > 0 } group)
        {
            users.AddRange(await GroupAsync(group.Trim(), cancellationToken).ConfigureAwait(false));
        }

        return [.. users.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The members of every configured role, for renderers that name who may still approve.</summary>
    public async ValueTask<IReadOnlyDictionary<ApproverRole, IReadOnlyList<string>>> AllMembersAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<ApproverRole, IReadOnlyList<string>>();
        foreach (var (role, _) in options.Value.Configured())
        {
            all[role] = await MembersAsync(role, cancellationToken).ConfigureAwait(false);
        }

        return all;
    }

    private async ValueTask<IReadOnlyList<string>> GroupAsync(string group, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_groups.TryGetValue(group, out var cached) && now < cached.FetchedAt + options.Value.CacheLifetime)
        {
            return cached.Users;
        }

        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                var slack = scope.ServiceProvider.GetRequiredService<ISlackApiClient>();
                var users = await slack.ListUsergroupUsersAsync(group, cancellationToken).ConfigureAwait(false);
                _groups[group] = new CachedGroup(users, now);
                return users;
            }
            catch (SlackApiException e)
            {
                LogGroupUnreadable(logger, group, e.Error);
                return [];
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack user group {UserGroup} could not be read ({SlackError}); its members hold no role for this lookup")]
    private static partial void LogGroupUnreadable(ILogger logger, string userGroup, string slackError);

    private sealed record CachedGroup(IReadOnlyList<string> Users, DateTimeOffset FetchedAt);
}
