namespace ChangeBot.Features.Intake;

/// <summary>An approval that counts (given on the current revision).</summary>
public sealed record ApprovalResource(string Requirement, string Approver, string Role, int Revision, DateTimeOffset ApprovedAt);
