using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>
/// What the change request message shows: the CR, admission for its planned start (null when not asked, e.g. for a
/// finished change), and who holds each role now (to say from whom an approval is still needed).
/// </summary>
public sealed record ChangeView(
    ChangeRequest Change,
    AdmissionDecision? Admission,
    IReadOnlyDictionary<ApproverRole, IReadOnlyList<string>> RoleMembers)
{
    public static ChangeView Of(ChangeRequest change, AdmissionDecision? admission = null) =>
        new(change, admission, new Dictionary<ApproverRole, IReadOnlyList<string>>());

    public IReadOnlyList<string> MembersOf(ApproverRole role) =>
        RoleMembers.TryGetValue(role, out var members) ? members : [];
}
