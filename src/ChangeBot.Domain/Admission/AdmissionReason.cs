namespace ChangeBot.Domain.Admission;

/// <summary>Why a change may not start: the rule's id and a sentence a Slack user can act on.</summary>
public sealed record AdmissionReason(string Rule, string Message);
