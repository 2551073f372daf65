namespace ChangeBot.Features.Intake;

/// <summary>
/// Admission for the planned start: allowed or the reasons why not, the conditions, the next allowed start, and the
/// rules it waits for that no time lifts (as the gate's <c>waitingFor</c>).
/// </summary>
public sealed record AdmissionResource(
    bool Allowed,
    IReadOnlyList<RuleMessageResource> Reasons,
    IReadOnlyList<RuleMessageResource> Conditions,
    DateTimeOffset? NextAllowedAt,
    IReadOnlyList<string> WaitingFor);
