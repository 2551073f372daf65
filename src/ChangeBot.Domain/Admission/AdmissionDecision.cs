namespace ChangeBot.Domain.Admission;

/// <summary>
/// The answer to "may this change start then?": every reason it may not, the conditions attached if it may, and the
/// next start at which it would be allowed (the asked start when allowed; null when none within the search horizon,
/// or when only a change of live state, such as an incident ending, can clear it).
/// </summary>
public sealed record AdmissionDecision(
    IReadOnlyList<AdmissionReason> Reasons,
    IReadOnlyList<AdmissionCondition> Conditions,
    DateTimeOffset? NextAllowedAt,
    string Policy)
{
    public bool Allowed => Reasons.Count == 0;

    /// <summary>
    /// The rules blocking it that no time on the calendar lifts, only a change of live state or an approval (an incident
    /// resolved, monitoring answering again, a change in progress finishing, an approval given): why
    /// <see cref="NextAllowedAt"/> is null although the calendar may be open. Empty when allowed, or when only the
    /// calendar blocks (then a null <see cref="NextAllowedAt"/> means nothing opens within the search horizon).
    /// </summary>
    public IReadOnlyList<string> WaitingFor { get; init; } = [];
}
