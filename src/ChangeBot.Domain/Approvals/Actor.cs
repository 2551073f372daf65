namespace ChangeBot.Domain.Approvals;

/// <summary>
/// A person acting on a change request, with the roles they hold at the moment they act (from Slack user groups or
/// static lists, looked up at the click: an approval counts only if the role is held then).
/// </summary>
public sealed record Actor(string UserId, IReadOnlySet<ApproverRole> Roles)
{
    /// <summary>Someone holding no role, e.g. a requester editing their change.</summary>
    public static Actor WithoutRoles(string userId) => new(userId, new HashSet<ApproverRole>());

    /// <summary>An engineer: may review (<see cref="ApproverRole.Reviewer"/>), plus any further roles they hold.</summary>
    public static Actor Engineer(string userId, params ApproverRole[] roles) =>
        new(userId, new HashSet<ApproverRole>(roles.Append(ApproverRole.Reviewer)));

    public bool Holds(ApproverRole role) => Roles.Contains(role);

    public bool IsSomeoneOf(params string?[] userIds) =>
        userIds.Any(id => id is not null && string.Equals(id.Trim(), UserId?.Trim(), StringComparison.Ordinal));
}
