namespace ChangeBot.Features.Execution;

/// <summary>What an override record keeps beside its kind and reason: the rule it lifts and until when.</summary>
public sealed record OverrideDetails(string Rule, DateTimeOffset ExpiresAt);
