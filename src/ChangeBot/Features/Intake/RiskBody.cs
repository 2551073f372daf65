namespace ChangeBot.Features.Intake;

/// <summary>The four risk dimensions as filed, each 1–4; absent ones are reported by name.</summary>
public sealed record RiskBody(int? BlastRadius, int? Reversibility, int? Confidence, int? Timing);
