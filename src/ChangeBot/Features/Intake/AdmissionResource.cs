namespace ChangeBot.Features.Intake;

/// <summary>Admission for the planned start: allowed or the reasons why not, the conditions, and the next allowed start.</summary>
public sealed record AdmissionResource(bool Allowed, IReadOnlyList<RuleMessageResource> Reasons, IReadOnlyList<RuleMessageResource> Conditions, DateTimeOffset? NextAllowedAt);
