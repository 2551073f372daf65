namespace ChangeBot.Features.Intake;

/// <summary>A requirement not met yet: how many more people holding the role, and why it is asked for.</summary>
public sealed record ApprovalNeededResource(string Requirement, string Name, string Role, int Remaining, string Reason, string Gate);
