using System.ComponentModel.DataAnnotations;
using ChangeBot.Domain.Approvals;

namespace ChangeBot.Features.Changes;

/// <summary>
/// <c>ChangeBot:Roles</c>: who holds each approver role. Membership is looked up at the moment of each click, so a
/// change of on-call in the user group takes effect within <see cref="CacheLifetime"/>.
/// </summary>
public sealed class RoleOptions
{
    public const string Section = "ChangeBot:Roles";

    public RoleMembersOptions Eoc { get; set; } = new();

    public RoleMembersOptions ReliabilityManager { get; set; } = new();

    public RoleMembersOptions Director { get; set; } = new();

    public RoleMembersOptions IncidentCommander { get; set; } = new();

    public RoleMembersOptions Vpe { get; set; } = new();

    public RoleMembersOptions Admin { get; set; } = new();

    /// <summary>How long a user group's members are remembered; short, because an approval counts only for the role held now.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The configured roles (every role but <see cref="ApproverRole.Reviewer"/>, which every engineer holds).</summary>
    public IEnumerable<(ApproverRole Role, RoleMembersOptions Members)> Configured()
    {
        yield return (ApproverRole.Eoc, Eoc);
        yield return (ApproverRole.ReliabilityManager, ReliabilityManager);
        yield return (ApproverRole.Director, Director);
        yield return (ApproverRole.IncidentCommander, IncidentCommander);
        yield return (ApproverRole.Vpe, Vpe);
        yield return (ApproverRole.Admin, Admin);
    }

    /// <summary>Every problem with the listed user ids, in words an operator can act on.</summary>
    public IEnumerable<string> Problems() =>
        Configured()
            .SelectMany(entry => entry.Members.Users
                .Where(user => !IsUserId(user))
                .Select(user => $"ChangeBot:Roles:{entry.Role}:Users has '{user}', which is not a Slack user id such as U0123ABCD."))
            .Concat(Configured()
                .Where(entry => entry.Members.UserGroup is { } group && !IsUserGroupId(group))
                .Select(entry => $"ChangeBot:Roles:{entry.Role}:UserGroup '{entry.Members.UserGroup}' is not a Slack user group id such as S0123ABCD."));

    internal static bool IsUserId(string? text) =>
        text is { Length: >= 3 } id && id[0] is 'U' or 'W' && id.Skip(1).All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static bool IsUserGroupId(string text) =>
        text.Length >= 3 && text[0] == 'S' && text.Skip(1).All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
