namespace ChangeBot.Domain.Approvals;

/// <summary>
/// A person acting on a change request, with the roles they hold at the moment they act (from Slack user groups or
/// static lists, looked up at the click: an approval counts only if the role is held then).
/// </summary>
public sealed record Actor(string UserId, IReadOnlySet<ApproverRole> Roles)
{
    /// <summary>The Slack user id (or API client name), trimmed; never blank, since every action records who did it.</summary>
    public string UserId { get; } = string.IsNullOrWhiteSpace(UserId)
        ? throw new DomainException("Every action on a change request must say who takes it; the user id is blank.")
        : UserId.Trim();

    public IReadOnlySet<ApproverRole> Roles { get; } = Roles ?? new HashSet<ApproverRole>();

    /// <summary>Someone holding no role, e.g. a requester editing their change.</summary>
    public static Actor WithoutRoles(string userId) => new(userId, new HashSet<ApproverRole>());

    /// <summary>An engineer: may review (<see cref="ApproverRole.Reviewer"/>), plus any further roles they hold.</summary>
    public static Actor Engineer(string userId, params ApproverRole[] roles) =>
        new(userId, new HashSet<ApproverRole>(roles.Append(ApproverRole.Reviewer)));

    public bool Holds(ApproverRole role) => Roles.Contains(role);

    public bool IsSomeoneOf(params string?[] userIds) =>
        userIds.Any(id => id is not null && string.Equals(id.Trim(), UserId, StringComparison.Ordinal));
}
