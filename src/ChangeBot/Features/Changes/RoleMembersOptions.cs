namespace ChangeBot.Features.Changes;

/// <summary>Who holds one role: Slack user ids listed here, and/or the members of a Slack user group.</summary>
public sealed class RoleMembersOptions
{
    /// <summary>Slack user ids (U… or W…).</summary>
    public IList<string> Users { get; } = [];

    /// <summary>A Slack user group id (S…), resolved with <c>usergroups.users.list</c> and cached briefly.</summary>
    public string? UserGroup { get; set; }
}
