namespace ChangeBot.Features.Incidents;

/// <summary>A webhook alert that declares no incident, with the reason (never dropped silently).</summary>
public sealed record IgnoredAlert(string Id, string Title, string Reason);
