namespace ChangeBot.Features.Intake;

/// <summary>A rule's id and its sentence.</summary>
public sealed record RuleMessageResource(string Rule, string Message);
