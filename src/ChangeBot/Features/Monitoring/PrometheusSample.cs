namespace ChangeBot.Features.Monitoring;

/// <summary>One series' value at the query time. A scalar has no labels. The value may be NaN or ±infinity.</summary>
public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, DateTimeOffset Timestamp, double Value);
